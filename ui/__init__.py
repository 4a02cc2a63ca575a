"""User-facing surfaces: the ``museum-qa`` command line and the Streamlit app."""
