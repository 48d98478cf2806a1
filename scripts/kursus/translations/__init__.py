"""The translator workflow: which pages and quiz texts are translated, missing or out of date, the
checks that compare a translation with its source, and the tools behind ``kursus translations`` and
``kursus new-language``. The MkDocs plugin only calls in here (banners and the status page)."""
