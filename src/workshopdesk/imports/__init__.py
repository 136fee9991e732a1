"""Imports from spreadsheets (CSV): read the file, preview every row with its errors, then
turn the accepted rows into one step (one transaction, one undo step). No Qt here."""
