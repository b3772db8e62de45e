"""OCR through the Tesseract command line tool (Debian's tesseract-ocr, dan+eng).

Images are normalised with Pillow (decompression-bomb guard, greyscale,
multi-frame TIFF) and piped to ``tesseract stdin stdout``; one run is capped in
time and uses one thread, so several workers share the cores fairly.
"""

from __future__ import annotations

import io
import logging
import os
import shutil
import subprocess
import warnings

from intake.attachments.errors import Corrupt, TooLarge, Unsupported
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
        raise Unsupported("tesseract is not installed")
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
