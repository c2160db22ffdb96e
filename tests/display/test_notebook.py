"""examples/content_writer.ipynb runs top to bottom in a real ipykernel, with no error.

The notebook is committed without outputs; the test runs a copy in memory and never writes
it back. It reads the bundled records relative to examples/, as a writer would run it.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOTEBOOK = EXAMPLES / "content_writer.ipynb"


def test_the_committed_notebook_has_no_outputs() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert code and all(cell.outputs == [] and cell.execution_count is None for cell in code)


def test_the_content_writer_notebook_runs_without_error() -> None:
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = NotebookClient(
        notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}}
    )
    client.execute()  # raises CellExecutionError on the first cell that fails
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert '<dfn class="pl-term"' in html  # the summary shows as the annotated view
    assert "protocolSection.statusModule.overallStatus" in html  # the trial shows its fields
    assert "<h4>Hardest sentences</h4>" in html  # the readability shows its panel
    assert "plainlang check</strong>" in html and "<code>" in html  # the report shows its findings
    assert any("image/png" in o.get("data", {}) for o in outputs)  # the plots drew
    texts = "".join(o.get("data", {}).get("text/plain", "") for o in outputs)
    assert "['E. coli']" in texts  # the team's own pack term was explained on the page
    assert "'page.html', 'page.md', 'preview.html'" in texts
