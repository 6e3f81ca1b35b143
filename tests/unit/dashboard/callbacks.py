"""Driving the app's callbacks through Flask's test client as the browser does: logging in through the
form, the JSON bodies Dash posts for the /data callbacks (stage, preview, confirm, the history's rollback
and restore), and background jobs started and polled until they answer. Shared by the dashboard tests."""

import base64
import json
import re

from tests.unit.dashboard.conftest import PASSWORD
from tests.workbooks import make_xlsx, simple_table


def login(client, name: str, password: str = PASSWORD, address: str = "127.0.0.1"):
    """Log in through the form as a browser does: the token from the page's hidden field."""
    page = client.get("/login").data.decode()
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return client.post("/login", data={"name": name, "password": password, "csrf_token": token, "next": "/"},
                       csrf=False, environ_base={"REMOTE_ADDR": address})


def workbook_url(tmp_path, rows: int = 3, year: int = 2011) -> tuple[str, str]:
    """A small recap as dcc.Upload sends it: (data URL, file name)."""
    path = make_xlsx(tmp_path / "rekap_baru.xlsx", {str(year): simple_table(
        [[i + 1, f"Inovasi Uji {year}-{i}", "Dinas Kesehatan", "Kesehatan", year] for i in range(rows)])})
    encoded = base64.b64encode(path.read_bytes()).decode()
    return f"data:application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;base64,{encoded}", path.name


def callback_body(app, first_output: str, inputs: list[dict], state: list[dict]) -> dict:
    """The JSON the browser posts to /_dash-update-component for the callback whose first output is given."""
    for key in app.callback_map:
        parts = key[2:-2].split("...") if key.startswith("..") else [key]
        outputs = [{"id": p.rsplit(".", 1)[0], "property": p.rsplit(".", 1)[1]} for p in parts]
        if f"{outputs[0]['id']}.{outputs[0]['property']}".split("@")[0] == first_output:   # @: allow_duplicate
            return {"output": key, "outputs": outputs if len(outputs) > 1 else outputs[0], "inputs": inputs,
                    "state": state, "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}
    raise LookupError(first_output)


def confirm_body(app, staged: dict | None) -> dict:
    """The confirm button pressed after the preview of the upload staged as `staged` (a background job)."""
    return callback_body(app, "edit-result.children", [{"id": "edit-confirm", "property": "n_clicks", "value": 1}], [
        {"id": "edit-staged", "property": "data", "value": staged},
        {"id": "edit-mode", "property": "value", "value": None},
        {"id": "edit-state", "property": "data", "value": {"blocked": False, "overlap": []}},
        {"id": "edit-changed", "property": "data", "value": 0},
        {"id": "url", "property": "search", "value": ""}])


def stage_body(app, data_url: str, name: str, staged: dict | None = None) -> dict:
    """A file dropped on the upload zone: the short callback that stages it (its token in `edit-staged`)."""
    contents = [data_url] if data_url else None
    return callback_body(app, "edit-staged.data", [{"id": "edit-upload", "property": "contents", "value": contents}], [
        {"id": "edit-upload", "property": "filename", "value": [name]},
        {"id": "edit-staged", "property": "data", "value": staged},
        {"id": "url", "property": "search", "value": ""}])


def preview_body(app, staged: dict | None, choices: dict | None = None) -> dict:
    """The preview job of a staged upload (a background callback)."""
    return callback_body(app, "edit-preview.children", [
        {"id": "edit-staged", "property": "data", "value": staged},
        {"id": "edit-choices", "property": "data", "value": choices},
        {"id": "edit-alias-message", "property": "children", "value": None}], [
        {"id": "url", "property": "search", "value": ""}])


def run_job(client, body: dict, timeout: float = 180):
    """Start a background callback and poll it as Dash's renderer does (inputs emptied, the signed
    handles in the query) until its answer; returns the last response (a refusal at once)."""
    started = client.post("/_dash-update-component", json=body)
    if started.status_code != 200 or "cacheKey" not in started.get_json():
        return started
    return poll_job(client, body, started.get_json(), timeout)


def poll_job(client, body: dict, handles: dict, timeout: float = 180):
    """Poll the job started by `body` (its signed `handles`) until it answers."""
    import time
    from urllib.parse import urlencode

    polled_body = {**body, "inputs": [{**item, "value": None} if isinstance(item, dict) else item
                                      for item in body["inputs"]]}
    query = urlencode({"cacheKey": handles["cacheKey"], "job": handles["job"]})
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        polled = client.post(f"/_dash-update-component?{query}", json=polled_body)
        if polled.status_code != 200 or "response" in polled.get_json():
            return polled
        time.sleep(0.2)
    raise AssertionError(f"the job did not answer in {timeout} s")


def stage_upload(client, app, data_url: str, name: str) -> dict:
    """Drop a file: the short callback that stages it; what the page keeps (its token)."""
    staged = client.post("/_dash-update-component", json=stage_body(app, data_url, name))
    assert staged.status_code == 200, staged.data[:300]
    return staged.get_json()["response"]["edit-staged"]["data"]


def preview_upload(client, app, data_url: str, name: str):
    """Drop a file and wait for its preview, as the page does: stage it, then run the preview job."""
    return run_job(client, preview_body(app, stage_upload(client, app, data_url, name)))


def confirm_upload(client, app, staged: dict):
    """Press confirm and wait for the saving job's answer."""
    return run_job(client, confirm_body(app, staged))


def history_body(app, kind: str, batch: int) -> dict:
    """A press of the rollback or restore button of `batch` in the history table (it asks first)."""
    button = {"id": {"batch": batch, "type": kind}, "property": "n_clicks", "value": 1}
    cancel = {"id": "edit-batch-cancel", "property": "n_clicks", "value": None}
    body = callback_body(app, "edit-batch-ask.is_open", [cancel], [{"id": "url", "property": "search", "value": ""}])
    resolve = {"id": "edit-doubled-resolve", "property": "n_clicks", "value": None}
    body["inputs"] = [[button] if kind == "edit-rollback" else [], [button] if kind == "edit-restore" else [], cancel,
                      resolve]
    body["changedPropIds"] = [json.dumps(button["id"], separators=(",", ":"), sort_keys=True) + ".n_clicks"]
    return body


def redraw_body(app, changed: int) -> dict:
    """The history redrawn after a change (`edit-changed` counted up by a confirm)."""
    return callback_body(app, "edit-history.children", [
        {"id": "edit-changed", "property": "data", "value": changed},
        {"id": "edit-batch-do", "property": "n_clicks", "value": None}], [
        {"id": "edit-batch-pending", "property": "data", "value": None},
        {"id": "url", "property": "search", "value": ""}])


def answer_body(app, pending: dict | None) -> dict:
    """The answer to that question: the dialog's rollback/restore button, with what it asked about."""
    return callback_body(app, "edit-history.children", [
        {"id": "edit-batch-do", "property": "n_clicks", "value": 1},
        {"id": "edit-changed", "property": "data", "value": 0}], [
        {"id": "edit-batch-pending", "property": "data", "value": pending},
        {"id": "url", "property": "search", "value": ""}])
