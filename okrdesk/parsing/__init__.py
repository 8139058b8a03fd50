"""Reading what people type and what spreadsheets hold: numbers, days and quarter names.

One set of rules for the command line, the window and the imports (numbers.py, dates.py).
"""
