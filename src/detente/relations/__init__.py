"""Relations between actors: dyad time series, escalations, response chains, the network."""

from .chains import Chain, ResponseLink, find_chains
from .escalation import Escalation, find_escalations, parse_window
from .network import Edge, actor_network
from .series import PERIODS, Dyad, RelationPeriod, period_events, relation_series

__all__ = ["PERIODS", "Chain", "Dyad", "Edge", "Escalation", "RelationPeriod", "ResponseLink", "actor_network",
           "find_chains", "find_escalations", "parse_window", "period_events", "relation_series"]
