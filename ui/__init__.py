"""The PySide6 front end of OKR Desk. The only package that imports Qt."""
