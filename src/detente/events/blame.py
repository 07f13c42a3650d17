"""Accusations and blame: events made by saying things about others.

"S said that T's X ..." where X is a blame topic ("aggression", "war crimes") is an accusation
by S of T; an accusation "of" such a topic takes its subcode; "S said that T must ..." with
nothing coded inside is a demand (100); reporting another's violent deed ("S said Y attacked
Z") accuses Y, unless S is a medic or a reporter, and claiming one's own (with a verb of
alleging) claims responsibility (015).
"""

from __future__ import annotations

from ..parse.tokens import Token
from ..records import Actor
from .arguments import ArgumentRules
from .governing import _ADVISING_AUX, _DEONTIC_AUX
from .patterns import Pattern
from .sentence import Candidate, _Coding, _own_state, _same_actor

_WITNESS_ROLES = {"HLH", "MED"}  # medics and reporters tell of casualties; they accuse no one by it


class BlameRules(ArgumentRules):
    """Accusations, demands and claims made by reporting what others did or must do."""

    def _blame_events(self, speaker_verb: Token) -> None:
        """'S said/cited its belief that T's X ...' where X is a blame topic: S accuses T."""
        complement: list[int] = []
        for kid in self.s.kids(speaker_verb.i, "ccomp", "dobj", "xcomp"):
            complement.extend(self.s.subtree(kid.i))
        sources = self._subjects(speaker_verb)
        if not sources:
            return
        for i in complement:
            token = self.s.tokens[i]
            code, term = self._blame_topic(token)
            if code is None:
                continue
            targets = [a for a in self.resolver.resolve(i) if a.key not in {s.key for s in sources}]
            pattern = Pattern(f"blame:{term}", code, "noun", token.lemma, None, frozenset(), ())
            if targets:
                self._emit(pattern, speaker_verb, speaker_verb, sources, [targets], [], specific=False, weight=0.8)
                return

    def _accusation_topic(self, trigger: Token) -> str | None:
        for prep in self.s.kids(trigger.i, "prep"):
            if prep.lemma in {"of", "for", "over"}:
                for i in self.s.subtree(prep.i):
                    code, _ = self._blame_topic(self.s.tokens[i])
                    if code is not None:
                        return code
        return None

    def _obligations(self, speaker_verb: Token) -> None:
        """'S said that T must ...' with nothing coded inside: S demands of T (CAMEO 100)."""
        if speaker_verb.i in self.governing:
            return
        speakers = self._subjects(speaker_verb)
        for clause in self.s.kids(speaker_verb.i, "ccomp"):
            deontic = {k.text.lower() for k in self.s.kids(clause.i, "aux")} & _DEONTIC_AUX
            if deontic:
                obliged = [a for a in self._subjects(clause) if not _own_state(a, speakers)]
                if obliged:  # "Chirac says France should ...": an opinion about one's own state
                    # "should" asks (020), "must" demands (100)
                    code = "020" if deontic <= _ADVISING_AUX else "100"
                    pattern = Pattern(f"{code}-{'should' if code == '020' else 'must'}-clause", code, "verb",
                                      speaker_verb.lemma, None, frozenset(), ())
                    self._emit(pattern, speaker_verb, speaker_verb, speakers, [obliged], [],
                               specific=False, weight=0.9)

    def _blame_topic(self, token: Token) -> tuple[str | None, str]:
        for kid in self.s.kids(token.i, "compound", "amod"):
            term = f"{kid.lemma} {token.lemma}"
            if term in self.vocabulary.blame:
                return self.vocabulary.blame[term], term
        return self.vocabulary.blame.get(token.lemma), token.lemma

    def _reported_deed(self, coding: _Coding, anchor: Token, deed_targets: list[Actor]) -> None:
        """'X said (claimed) that Y attacked Z': by reporting another's violent deed X accuses Y;
        claiming its own deed, X claims responsibility for it, aimed at Z. A closing attribution
        ('Y attacked Z, officials said') only sources the news."""
        speech = self._speech_over(anchor)
        if speech is None or speech.i > anchor.i or any(k.dep == "neg" for k in self.s.kids(speech.i)):
            return
        for speaker in self._subjects(speech):
            # a speaker whose state is only guessed ("medics claim ... Saudi-led airstrikes") is not known
            # to be the doer's own
            if speaker.via != "role" and any(_own_state(doer, [speaker]) for doer in coding.sources):
                # "Rumsfeld says the US is winning the war": one's own state's deed is no accusation
                if self._modal(speech) != "alleged":  # "said it had attacked": the deed itself is the news
                    continue
                code, rule, targets = "015", f"015-claimed-deed:{coding.rule}", deed_targets
            elif speaker.role in _WITNESS_ROLES:
                continue  # "health officials said American airstrikes killed 44": a casualty report, no accusation
            else:
                accusation = self.vocabulary.derive("report", coding.code)
                if accusation is None:
                    return
                code, rule = accusation, f"{accusation}-reported-deed:{coding.rule}"
                # unnamed attackers in one's own country are no one accused ("the army claimed an
                # offensive killed 200"); fire from abroad is ("said a mortar was fired from Gaza")
                targets = [a for a in coding.sources if not _same_actor(a, speaker)
                           and not (a.via == "implied" and a.key == speaker.key)]
            date = self.anchoring.date([speech], speech)
            location = self.anchoring.location([speech], speech)
            for target in {t.key: t for t in targets}.values():
                self.found.append(Candidate(speaker, target, code, rule, speech, "asserted", date, location, 0.6))

    def _speech_over(self, anchor: Token) -> Token | None:
        """The verb of saying whose reported clause holds the anchor, if any: 'said (that) ...'."""
        token = anchor
        while token.head != token.i and token.dep not in {"relcl", "advcl", "acl", "appos"}:
            head = self.s.tokens[token.head]
            if token.dep == "ccomp" and head.pos in {"VERB", "AUX"}:
                return head if self._modal(head) in {"report", "alleged"} else None
            token = head
        return None
