"""Stage 3: one pair of roles -> sentences, figures, an executed notebook, HTML and PDF."""
