"""The weight pack of the runtime form (runtime_form.py): python3 -m unittest discover -s training -p 'test_*.py'"""
import json
import struct
import unittest

import numpy as np

from compact_weights import round_rows
from runtime_form import pack, unpack

RNG = np.random.default_rng(11)


def external_file(arrays, gap=8):
    """A float32 file holding `arrays` one after another with `gap` zero bytes before each, and its tensor list."""
    data, tensors = bytearray(), []
    for name, arr in arrays.items():
        data += b"\0" * gap
        tensors.append({"name": name, "dims": list(arr.shape), "offset": len(data), "length": arr.nbytes})
        data += arr.astype("<f4").tobytes()
    return bytes(data), tensors


class WeightPackTest(unittest.TestCase):
    def test_restores_the_file_bit_for_bit_in_every_form(self):
        rows = round_rows(RNG.normal(size=(30, 20)).astype(np.float32))
        columns = round_rows(RNG.normal(size=(20, 30)).astype(np.float32)).T.copy()  # a weight the exporter transposed
        bias = RNG.normal(size=(30,)).astype(np.float32)
        small = RNG.normal(size=(4, 4)).astype(np.float32)  # under MIN_SIZE: left float32 however it is rounded
        data, tensors = external_file({"rows": rows, "columns": columns, "bias": bias, "small": small})
        packed = pack(tensors, data, "g.f32")
        self.assertEqual(unpack(packed), ("g.f32", data))
        header = json.loads(packed[12 : 12 + struct.unpack_from("<I", packed, 8)[0]])
        forms = {t["name"]: t["form"] for t in header["tensors"]}
        self.assertEqual(forms, {"rows": "int8-rows", "columns": "int8-columns", "bias": "float32", "small": "float32"})
        self.assertLess(len(packed), len(data) / 2)  # int8 and a scale per row or column, against float32

    def test_refuses_a_large_weight_that_is_not_int8_rounded(self):
        data, tensors = external_file({"w": RNG.normal(size=(30, 20)).astype(np.float32)})
        with self.assertRaisesRegex(ValueError, "w \\(30, 20\\) is not int8 per row in either axis"):
            pack(tensors, data, "g.f32")

    def test_unpack_refuses_another_file(self):
        with self.assertRaisesRegex(ValueError, "not a weight pack"):
            unpack(b"\x08\x07onnx")


if __name__ == "__main__":
    unittest.main()
