"""The checks: on the editors' files (names, translations, front matter) and on rendered pages."""
