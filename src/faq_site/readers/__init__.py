"""What readers get: navigation, provenance, dates, redirects, search, SEO, About, 404, site address."""
