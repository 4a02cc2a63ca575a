"""Curators' notes on the review page: write one (from a work item or not), edit, withdraw, undo.

A saved note is a vetted source at once (ui/note_actions.py). What the curator typed stays in
the form until it is saved: a refused save (empty, about nothing, too long, a warning from the
catalogue record, another curator's newer version) says why and keeps every word.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import streamlit as st

from assistant.answer_log import StaleItemError
from assistant.auth import StaffSession
from assistant.errors import MuseumQAError
from assistant.i18n import N_
from assistant.notes import TARGET_CHARS, Note, StaleNoteError
from ui import note_actions
from ui.language import _
from ui.navigation import NOTES_ANCHOR
from ui.services import Services

# The form's widgets, kept in the session so nothing typed is lost between reruns.
FIELDS = ("n_body", "n_acc", "n_topic", "n_question", "n_reason")
NOTE_STATUS_LABELS = {"active": N_("Active"), "withdrawn": N_("Withdrawn")}
NOTE_ACTION_LABELS = {
    "written": N_("written"),
    "edited": N_("edited"),
    "withdrawn": N_("withdrawn"),
    "restored": N_("restored"),
}
FIELD_LABELS = {"creator": N_("maker"), "date": N_("date"), "medium": N_("material")}
# What saving a note from a work item does to the item: the curator chooses.
ITEM_CHOICES = {
    "keep": N_("Leave the item as it is"),
    "in_progress": N_("Set the item to in progress"),
    "resolved": N_("Set the item to resolved"),
}


def start_note(
    question: str = "", accession: str = "", topic: str = "", item_id: int | None = None
) -> None:
    """Open the form for a new note (a button's callback: it runs before the widgets)."""
    state = st.session_state
    for key, value in zip(FIELDS, ("", accession, topic, question, ""), strict=True):
        state[key] = value
    state.update(n_mode="new", n_item=item_id, n_seen=0, n_warning=None, n_despite=False)


def _edit_note(note: Note) -> None:
    state = st.session_state
    values = (note.body, note.accession_number, note.topic, note.question, "")
    for key, value in zip(FIELDS, values, strict=True):
        state[key] = value
    state.update(n_mode=note.id, n_item=None, n_seen=note.version, n_warning=None)
    state.n_despite = False


def _close() -> None:
    st.session_state.n_mode = None


def _draft() -> note_actions.Draft:
    s = st.session_state
    return note_actions.Draft(
        str(s.get("n_body") or ""),
        str(s.get("n_acc") or ""),
        str(s.get("n_topic") or ""),
        str(s.get("n_question") or ""),
        str(s.get("n_reason") or ""),
    )


def _bad_input(draft: note_actions.Draft, max_chars: int) -> str | None:
    """Why the draft cannot be saved, in the curator's language; None when it can."""
    if not draft.body.strip():
        return _("Not saved: the note is empty. Write what visitors should be told.")
    if not (draft.accession_number.strip() or draft.topic.strip()):
        return _("Not saved: give the accession number of an object or a topic the note is about.")
    if len(draft.body.strip()) > max_chars:
        return _(
            "Not saved: the note is {n} characters long; at most {limit} are allowed. Shorten "
            "it (your text is still in the form)."
        ).format(n=len(draft.body.strip()), limit=max_chars)
    if max(len(draft.accession_number.strip()), len(draft.topic.strip())) > TARGET_CHARS:
        return _(
            "Not saved: the accession number or topic is longer than {limit} characters."
        ).format(limit=TARGET_CHARS)
    return None


def _warning_text(check: note_actions.Check) -> str:
    lines = [_("The catalogue record of {title} says otherwise:").format(title=check.record_title)]
    for c in check.found:
        lines.append(
            _("- the {field} in “{sentence}”: the record says “{record}”").format(
                field=_(FIELD_LABELS.get(c.field, c.field)),
                sentence=c.sentence,
                record=c.record_says,
            )
        )
    lines.append(
        _("Correct the note, or tick “Save despite the warning” (the version records that).")
    )
    return "\n".join(lines)


def _form_fields(svc: Services, editing: bool) -> None:
    left, right = st.columns(2)
    left.text_input(
        _("Accession number of the object"), key="n_acc", disabled=editing, max_chars=TARGET_CHARS
    )
    right.text_input(_("Or a topic"), key="n_topic", disabled=editing, max_chars=TARGET_CHARS)
    st.text_input(_("The question it answers"), key="n_question")
    st.text_area(
        _("Note (Markdown)"),
        key="n_body",
        height=160,
        help=_("At most {n} characters.").format(n=svc.settings.note_max_chars),
    )
    st.text_input(_("Why (kept in the note's history)"), key="n_reason")


def _render_form(svc: Services, session: StaffSession) -> None:
    """The note being written or edited, with its save button and any warning or refusal."""
    mode = st.session_state.get("n_mode")
    editing = mode not in (None, "new")
    # Translated outside the f-string: message extraction cannot see into one.
    heading = _("Edit note {id}").format(id=mode) if editing else _("New note")
    st.markdown(f"**{heading}**")
    if refused := st.session_state.pop("n_refused", None):
        st.error(refused)
    _form_fields(svc, editing)
    if st.session_state.get("n_item"):
        st.radio(
            _("Work item {id}").format(id=st.session_state.n_item),
            list(ITEM_CHOICES),
            key="n_item_status",
            format_func=lambda k: _(ITEM_CHOICES[k]),
            horizontal=True,
        )
    warning = st.session_state.get("n_warning")
    if warning:
        st.warning(warning)
        st.checkbox(_("Save despite the warning"), key="n_despite")
    save_col, cancel_col = st.columns([1, 1])
    if cancel_col.button(_("Cancel"), key="n_cancel", on_click=_close):
        return
    if save_col.button(_("Save note"), key="n_save", type="primary"):
        _save(svc, session, mode if isinstance(mode, int) else None)


def _save(svc: Services, session: StaffSession, note_id: int | None) -> None:
    """Check the draft, then save and publish it; on any refusal, say why and keep it."""
    draft = _draft()
    if note_id is not None:
        current = svc.notes.get(note_id)
        assert current is not None
        draft = note_actions.Draft(
            draft.body, current.accession_number, current.topic, draft.question, draft.reason
        )
    if bad := _bad_input(draft, svc.settings.note_max_chars):
        st.error(bad)
        return
    despite = bool(st.session_state.get("n_despite"))
    try:
        check = note_actions.check_draft(svc.index(), draft)
    except MuseumQAError as exc:  # the index is unreachable: nothing is saved, nothing lost
        st.error(_("Not saved: the index cannot be reached ({error}).").format(error=exc))
        return
    if check.found and not despite:
        st.session_state.n_warning = _warning_text(check)
        st.rerun()
    try:
        note = note_actions.save(
            svc.notes,
            svc.index(),
            svc.settings.notes_path,
            draft,
            author=session.name,
            note_id=note_id,
            seen_version=int(st.session_state.get("n_seen") or 0),
            item_id=st.session_state.get("n_item"),
            despite_warning=despite and bool(check.found),
        )
    except StaleNoteError:
        _refuse_stale(svc, note_id)
        return
    except MuseumQAError as exc:
        st.error(_("The note was saved but could not be indexed yet: {error}").format(error=exc))
        return
    _after_save(svc, session, note)


def _refuse_stale(svc: Services, note_id: int | None) -> None:
    """Another curator saved first: say so, keep the text, and let a new save apply it."""
    assert note_id is not None
    now = svc.notes.get(note_id)
    assert now is not None
    st.session_state.n_seen = now.version
    st.session_state.n_refused = _(
        "Not saved: someone else changed this note since you opened it (version {version}, "
        "by {name}). Your text is still in the form: save again to replace theirs, or "
        "cancel to keep it."
    ).format(version=now.version, name=now.author)
    st.rerun()


def _after_save(svc: Services, session: StaffSession, note: Note) -> None:
    item_id = st.session_state.get("n_item")
    choice = st.session_state.get("n_item_status", "keep")
    if item_id and choice != "keep":
        item = svc.log.work_item(int(item_id))
        if item is not None:
            try:
                svc.log.update_item(
                    item["id"],
                    status=choice,
                    assignee=item["assignee"],
                    actor=session.name,
                    seen_version=item["version"],
                )
            except StaleItemError:
                st.session_state.n_refused = _(
                    "The note is saved; the work item changed meanwhile and was left as it is."
                )
    st.session_state.n_mode = None
    st.toast(_("Note {id} saved: visitors' answers can cite it now.").format(id=note.id))
    st.rerun()


def _history(note: Note) -> list[str]:
    lines = []
    for v in note.versions:
        lines.append(
            _("Version {version} · {when} · {action} by {name} · why: {why}").format(
                version=v.version,
                when=v.created_at.strftime("%Y-%m-%d %H:%M UTC"),
                action=_(NOTE_ACTION_LABELS.get(v.action, v.action)),
                name=v.author,
                why=v.reason or "—",
            )
        )
        lines.append(v.body)
        lines.append("")
    return lines


def _note_actions(svc: Services, session: StaffSession, note: Note) -> None:
    """Edit, withdraw or restore the picked note; admins also read every version."""
    key = f"n_list_seen_{note.id}"
    # The version this view was made for: a withdrawal or restore names it, so a change
    # another curator saved since is refused by the store, never silently undone.
    seen = int(st.session_state.setdefault(key, note.version))
    st.text(note.body)
    full = svc.notes.get(note.id, with_versions=True)
    assert full is not None
    a, b = st.columns(2)
    a.button(_("Edit"), key=f"n_edit_{note.id}", on_click=_edit_note, args=(note,))
    reason = b.text_input(_("Why (for a withdrawal or restore)"), key=f"n_why_{note.id}")
    withdraw = note.status == "active" and b.button(_("Withdraw"), key=f"n_withdraw_{note.id}")
    earlier = [v.version for v in full.versions if v.version != note.version]
    version = 0
    restore = False
    if earlier:
        version = int(a.selectbox(_("Earlier version"), earlier[::-1], key=f"n_v_{note.id}"))
        restore = b.button(_("Restore this version"), key=f"n_restore_{note.id}")
    if session.role == "admin":
        with st.expander(_("History (admins)")):
            st.text("\n".join(_history(full)))
    seen_note = replace(note, version=seen)
    if withdraw or restore:
        _act(svc, session, seen_note, "withdraw" if withdraw else "restore", reason, version)
    else:  # this run shows the note as it is now: the next click acts on that version
        st.session_state[key] = note.version


def _act(
    svc: Services, session: StaffSession, note: Note, what: str, reason: str, version: int = 0
) -> None:
    try:
        if what == "withdraw":
            note_actions.withdraw(
                svc.notes,
                svc.index(),
                svc.settings.notes_path,
                note,
                author=session.name,
                reason=reason,
            )
        else:
            note_actions.restore(
                svc.notes,
                svc.index(),
                svc.settings.notes_path,
                note,
                version,
                author=session.name,
                reason=reason,
            )
    except StaleNoteError:
        st.session_state.n_list_refused = _(
            "Not done: someone else changed this note since you opened it. Look again."
        )
    st.session_state.pop(f"n_list_seen_{note.id}", None)
    st.rerun()


def _table(notes: list[Note]) -> list[dict[str, Any]]:
    return [
        {
            "note": n.id,
            "about": n.about,
            "status": _(NOTE_STATUS_LABELS.get(n.status, n.status)),
            "version": n.version,
            "author": n.author,
            "updated": n.updated_at.strftime("%Y-%m-%d %H:%M"),
            "text": n.body[:80],
        }
        for n in notes
    ]


def render_notes(svc: Services, session: StaffSession) -> None:
    """The notes section: the form (when one is open), the list and the picked note."""
    st.subheader(_("Curator notes"), anchor=NOTES_ANCHOR)
    st.caption(_("A note is a vetted source at once: the next visitor's answer can cite it."))
    if st.session_state.get("n_mode") is None:
        st.button(_("New note"), key="n_new", on_click=start_note)
    else:
        _render_form(svc, session)
    if refused := st.session_state.pop("n_list_refused", None):
        st.error(refused)
    notes = svc.notes.notes()
    if not notes:
        st.info(_("No notes yet."))
        return
    st.dataframe(_table(notes), hide_index=True, key="notes_table")
    by_id = {n.id: n for n in notes}
    pick = st.selectbox(
        _("Open note"),
        list(by_id),
        key="n_pick",
        format_func=lambda i: f"{i} · {by_id[i].about} · {by_id[i].body[:60]}",
    )
    _note_actions(svc, session, by_id[pick])
