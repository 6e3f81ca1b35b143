"""The report of the current view as PDF or Word (A4, page numbers, in the view's language).

    model.py    what the report says (Report, Section, ChartPart, TablePart); imports no other part
    build.py    build_report(ctx) and render_images(report): the content, from the pages' functions
    pdf.py      write_pdf(report, path)  (reportlab)     } read only the model
    docx.py     write_docx(report, path) (python-docx)   }
    formats.py  the table of formats (writer, media type, extension); write_report, report_bytes

Kept empty of imports, so that importing one part never drags in the others.
"""
