"""What editors read: problems, one line each, and MkDocs' own warnings in their words."""
