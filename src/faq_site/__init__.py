"""FAQ OTAN – Ukraine: the site's logic, one MkDocs plugin (faq_site.plugin)."""
