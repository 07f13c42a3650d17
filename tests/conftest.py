from pathlib import Path

import pytest

from detente import Coder

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
REPORTED_FOLDERS: list[tuple[str, Path]] = []  # folders of artefacts a test wrote, named in the summary


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for what, folder in REPORTED_FOLDERS:
        terminalreporter.write_line(f"{what}: {folder} ({len(list(folder.glob('*.png')))} PNG files)")


def shared_file(relative: str) -> Path:
    """A file from ../shared; the test is skipped where it is absent (a user's clone)."""
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not here (only CI and developers have ../shared)")
    return path


@pytest.fixture(scope="session")
def coder() -> Coder:
    return Coder()
