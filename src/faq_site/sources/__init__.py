"""Reading the editors' files: Markdown pages, their front matter, headings and lines."""
