"""Where tests find things: the repository, its test data, the bundled samples, ../shared/corpora."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEST_DATA = ROOT / "tests" / "data"
SAMPLES = ROOT / "intake" / "samples"
CORPORA = ROOT.parent / "shared" / "corpora"
