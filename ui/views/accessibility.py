"""The accessibility statement (docs/accessibility.md), linked from every page."""

from __future__ import annotations

import streamlit as st

from ui.services import services
from ui.statement import statement_markdown

st.markdown(statement_markdown(services().settings))
