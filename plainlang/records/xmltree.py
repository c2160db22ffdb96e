"""Registry XML → plain dicts that ``Node`` can walk, parsed safely.

Every XML reader goes through ``parse``: it uses defusedxml, which refuses entity declarations
(billion laughs) and external entities, because the stdlib parser is not safe on hostile input
and records come from outside. The element tree is then turned into dicts so that XML readers get
the same path-aware, typed access (and the same errors) as JSON readers:

- a leaf element becomes its text: ``<phase>Phase 2</phase>`` → ``"phase": "Phase 2"``;
- repeated elements become a list: ``<condition>`` × 2 → ``"condition": ["A", "B"]``;
- an attribute lands beside its element: ``<enrollment type="Actual">`` → ``"enrollment@type"``;
- an empty element is None, which readers treat as absent.

The XML declaration decides the encoding (the WHO ICTRP export is ISO-8859-1).
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from plainlang.errors import InvalidXMLError, Location

XmlValue = str | dict[str, object] | list[object]


def parse(data: bytes, origin: str | None) -> Element:
    """The root element; InvalidXMLError with the line and column of the first problem."""
    try:
        root: Element = fromstring(data)
    except ParseError as error:
        line, column = error.position
        raise InvalidXMLError(
            f"invalid XML: {_reason(error)}",
            Location(origin, line, column + 1),
            hint="fix the XML at that position",
        ) from None
    except DefusedXmlException as error:
        raise InvalidXMLError(
            f"refused unsafe XML ({type(error).__name__})",
            Location(origin),
            hint="registry exports never declare entities; this file may be hostile",
        ) from None
    except (ValueError, LookupError) as error:  # an encoding Python does not know
        raise InvalidXMLError(f"unreadable XML: {error}", Location(origin)) from None
    return root


def _reason(error: ParseError) -> str:
    text = str(error)
    return text.split(":", 1)[0] if ": line" in text else text


def to_dict(element: Element) -> dict[str, object]:
    """The children (and attributes) of ``element`` as a dict; see the module docstring."""
    out: dict[str, object] = {f"@{name}": value for name, value in element.attrib.items()}
    for child in element:
        if not isinstance(child.tag, str):
            continue  # comments and processing instructions
        tag = _local(child.tag)
        # an empty element (<acronym/>, <primary_outcome/>) is an absent value, not "" where
        # a reader may expect an object
        value: XmlValue | None = (
            to_dict(child) if len(child) else (child.text if child.text and child.text.strip() else None)
        )
        for name, attribute in child.attrib.items():
            out.setdefault(f"{tag}@{name}", attribute)
        if tag not in out:
            out[tag] = value
        else:
            existing = out[tag]
            if isinstance(existing, list):
                existing.append(value)
            else:
                out[tag] = [existing, value]
    return out


def _local(tag: str) -> str:
    """``{namespace}name`` → ``name``: no registry format we read depends on namespaces."""
    return tag.rsplit("}", 1)[-1]


def head(data: bytes, size: int = 4096) -> str:
    """The start of the document as text, for cheap format detection before parsing."""
    return data[:size].decode("latin-1").lstrip("\ufeff\xef\xbb\xbf \t\r\n")
