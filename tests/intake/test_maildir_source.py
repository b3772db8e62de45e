import os
import time
from datetime import UTC

from intake.mailbox.maildir import MaildirMailbox


def test_receipt_time_is_the_file_time(tmp_path):
    box = MaildirMailbox(tmp_path / "mb")
    key = box.deliver(b"Subject: a\n\nx\n")
    path = next((tmp_path / "mb" / "new").iterdir())
    os.utime(path, (1_700_000_000, 1_700_000_000))
    (msg,) = list(box.fetch_pending())
    assert msg.ref.uid == key
    assert msg.received.tzinfo is UTC and msg.received.timestamp() == 1_700_000_000


def test_messages_come_oldest_first(tmp_path):
    box = MaildirMailbox(tmp_path / "mb")
    keys = [box.deliver(f"Subject: {i}\n\nx\n".encode()) for i in range(3)]
    for age, key in enumerate(keys):  # the first delivered gets the newest time
        path = next(p for p in (tmp_path / "mb" / "new").iterdir() if p.name.startswith(key))
        os.utime(path, (1_700_000_000 - age, 1_700_000_000 - age))
    assert [m.ref.uid for m in box.fetch_pending()] == list(reversed(keys))


def test_processed_and_quarantined_leave_the_inbox(tmp_path):
    box = MaildirMailbox(tmp_path / "mb")
    a, b = box.deliver(b"Subject: a\n\nx\n"), box.deliver(b"Subject: b\n\ny\n")
    refs = {m.ref.uid: m.ref for m in box.fetch_pending()}
    box.mark_processed(refs[a])
    box.quarantine(refs[b], "test")
    box.mark_processed(refs[a])  # idempotent
    assert list(box.fetch_pending()) == []
    assert box.folder_keys("Processed") == [a] and box.folder_keys("Quarantine") == [b]


def test_a_message_renamed_since_the_fetch_is_still_moved(tmp_path):
    """The move goes to where the fetch found the file; a mail client that renamed it meanwhile
    (new/ to cur/ with flags) does not keep it in the inbox."""
    box = MaildirMailbox(tmp_path / "mb")
    key = box.deliver(b"Subject: a\n\nx\n")
    (msg,) = list(box.fetch_pending())
    path = next((tmp_path / "mb" / "new").iterdir())
    os.rename(path, tmp_path / "mb" / "cur" / (path.name + ":2,S"))
    box.mark_processed(msg.ref)
    assert list(box.fetch_pending()) == [] and box.folder_keys("Processed") == [key]


def test_wait_for_new_wakes_when_mail_arrives(tmp_path):
    box = MaildirMailbox(tmp_path / "mb", poll_interval=0.05)
    assert box.wait_for_new(0.1) is False
    box.deliver(b"Subject: a\n\nx\n")
    start = time.monotonic()
    assert box.wait_for_new(5) is True
    assert time.monotonic() - start < 1
