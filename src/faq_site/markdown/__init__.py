"""The site's Python-Markdown extensions: typography (faq_site.markdown.typography)."""
