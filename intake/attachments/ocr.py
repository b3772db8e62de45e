"""OCR through the Tesseract command line tool (Debian's tesseract-ocr, dan+eng).

Images are normalised with Pillow (decompression-bomb guard, greyscale,
multi-frame TIFF) and piped to ``tesseract stdin stdout``; one run is capped in
time and uses one thread, so several workers share the cores fairly.
``ocr_package_images`` reads the pictures pasted into a DOCX (a photo or scan of
a filled-in form) in the same way.
"""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import subprocess
import warnings
import zipfile
from dataclasses import dataclass, field

from intake.attachments.errors import Corrupt, OcrUnavailable, TooLarge
from intake.attachments.limits import Limits

log = logging.getLogger(__name__)

_ENV = {**os.environ, "OMP_THREAD_LIMIT": "1"}
MAX_OCR_SIDE = 5000   # pixels; larger images are scaled down before OCR


def tesseract_available() -> bool:
    """True when the ``tesseract`` binary is on PATH."""
    return shutil.which("tesseract") is not None


def ocr_image(image, limits: Limits) -> str:
    """Text Tesseract reads in a Pillow image (empty string when it finds none)."""
    if not tesseract_available():
        raise OcrUnavailable("tesseract is not installed")
    buffer = io.BytesIO()
    _prepare(image).save(buffer, format="PNG")
    command = ["tesseract", "stdin", "stdout", "-l", limits.ocr_languages, "--psm", "3"]
    try:
        done = subprocess.run(command, input=buffer.getvalue(), capture_output=True,
                              timeout=limits.ocr_seconds, env=_ENV, check=False)
    except subprocess.TimeoutExpired as err:
        raise TooLarge("OCR took too long") from err
    if done.returncode != 0:
        log.warning("tesseract failed with code %s", done.returncode)
        return ""
    return done.stdout.decode("utf-8", "replace").strip()


def _prepare(image):
    image = image.convert("L")
    if max(image.size) > MAX_OCR_SIDE:
        image.thumbnail((MAX_OCR_SIDE, MAX_OCR_SIDE))
    return image


def image_frames(data: bytes, limits: Limits):
    """The first ``max_ocr_pages`` frames of an image file, as Pillow images."""
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = limits.max_image_pixels
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            frames = []
            for index in range(min(getattr(image, "n_frames", 1), limits.max_ocr_pages)):
                image.seek(index)
                image.load()
                frames.append(image.copy())
            return frames, getattr(image, "n_frames", 1)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as err:
        raise TooLarge("image has too many pixels") from err
    except (OSError, SyntaxError, ValueError, EOFError) as err:
        raise Corrupt("image cannot be decoded") from err


MEDIA_SUFFIXES = (".png", ".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".bmp", ".gif", ".webp")
MIN_OCR_PIXELS = 200_000   # smaller pictures are logos, icons and signatures, not pasted forms


@dataclass
class PackageOcr:
    """Text Tesseract read in the images of a ZIP package, and how many it looked at."""

    texts: list[str] = field(default_factory=list)
    images: int = 0
    capped: bool = False


def ocr_package_images(data: bytes, folder: str, limits: Limits) -> PackageOcr:
    """OCR of the larger images under ``folder`` (e.g. "word/media/") of an already checked package.

    Images are taken in their natural name order (image1, image2, ... image10), at
    most ``max_ocr_images`` frames in all; an image that cannot be decoded is skipped.
    """
    found = PackageOcr()
    if not tesseract_available():
        return found
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted((n for n in archive.namelist() if n.startswith(folder) and n.lower().endswith(MEDIA_SUFFIXES)),
                       key=_natural_key)
        for name in names:
            if found.images >= limits.max_ocr_images:
                found.capped = True
                break
            _ocr_member(archive.read(name), limits, found)
    return found


def _ocr_member(data: bytes, limits: Limits, found: PackageOcr) -> None:
    try:
        frames, _ = image_frames(data, limits)
        for frame in frames[: limits.max_ocr_images - found.images]:
            if frame.width * frame.height >= MIN_OCR_PIXELS:
                found.images += 1
                found.texts.append(ocr_image(frame, limits))
    except (Corrupt, TooLarge) as err:
        log.info("embedded image skipped: %s", type(err).__name__)


def _natural_key(name: str) -> list:
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name)]
