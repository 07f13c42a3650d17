"""Reading documents from files, folders and standard input."""

from .documents import DEFAULT_MAX_BYTES, clean_markup, count_inputs, read_inputs, record_document, text_document

__all__ = ["DEFAULT_MAX_BYTES", "clean_markup", "count_inputs", "read_inputs", "record_document", "text_document"]
