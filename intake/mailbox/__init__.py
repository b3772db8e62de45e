"""Mail sources: where messages are read from (IMAP or a local Maildir)."""
