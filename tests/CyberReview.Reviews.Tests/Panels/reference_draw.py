#!/usr/bin/env python3
"""An independent re-implementation of CyberReview's panel draw (PanelDraw, DrawSequence), for auditors.

Usage: reference_draw.py AUDIT.json, where AUDIT.json is a draw's audit record from
GET /api/v1/cases/{id}/panel/draws/{drawId} (seed in hex, rule, candidates, seated). Prints the experts
drawn, in order; they must equal the record's "drawn". Without an argument, prints the values that
PanelDrawTests checks against.
"""
import hashlib
import itertools
import math
import json
import sys

RISK_AREAS = ["IllegalControl", "SupplyChain", "UserInformation", "UnfairCompetition", "OtherNationalSecurity"]


class Choices:
    def __init__(self, seed: bytes):
        self.seed, self.counter, self.numbers = seed, 0, []

    def _number(self) -> int:
        if not self.numbers:
            block = hashlib.sha256(self.seed + self.counter.to_bytes(8, "big")).digest()
            self.counter += 1
            self.numbers = [int.from_bytes(block[i:i + 8], "big") for i in range(0, 32, 8)]
        return self.numbers.pop(0)

    def next(self, n: int) -> int:
        x = self._number()
        while x < (2 ** 64) % n:
            x = self._number()
        return x % n


def fits(candidate, rule) -> bool:
    return all(k in candidate["productKinds"] for k in rule["productKinds"]) and any(a in candidate["riskAreas"] for a in rule["riskAreas"])


def fewest_to_cover(areas, experts) -> float:
    """The fewest experts that together cover every area (infinity when they cannot), by brute force."""
    areas = set(areas)
    if not areas:
        return 0
    for size in range(1, len(areas) + 1):
        for group in itertools.combinations(experts, size):
            if areas <= {a for e in group for a in e["riskAreas"]}:
                return size
    return math.inf


def draw(seed: bytes, candidates, rule, seated=()):
    kept = {s["expertId"] for s in seated}
    pool = [c for c in candidates if fits(c, rule) and c["expertId"] not in kept]
    if len(pool) < rule["seats"]:
        return ("too few", len(pool))
    covered = {a for s in seated for a in s["riskAreas"]}
    uncovered = [a for a in RISK_AREAS if a in rule["riskAreas"] and a not in covered]
    for area in uncovered:
        if not any(area in c["riskAreas"] for c in pool):
            return ("uncovered", area)
    if fewest_to_cover(uncovered, pool) > rule["seats"]:
        return ("too few seats to cover", rule["seats"])
    choices, chosen = Choices(seed), []
    while uncovered:
        area, seats_left = uncovered[0], rule["seats"] - len(chosen) - 1
        able = [c for c in pool if area in c["riskAreas"]
                and fewest_to_cover([a for a in uncovered if a not in c["riskAreas"]], [o for o in pool if o is not c]) <= seats_left]
        pick = able[choices.next(len(able))]
        chosen.append(pick)
        pool.remove(pick)
        uncovered = [a for a in uncovered if a not in pick["riskAreas"]]
    while len(chosen) < rule["seats"]:
        pick = pool[choices.next(len(pool))]
        chosen.append(pick)
        pool.remove(pick)
    return [c["expertId"] for c in chosen]


def test_values():
    seed = bytes(range(32))
    c = Choices(seed)
    print("choices:", [c.next(n) for n in [5, 7, 2, 1000, 3, 1, 2147483647, 10, 10, 10]])
    areas = [["IllegalControl"], ["SupplyChain", "UserInformation"], ["UnfairCompetition"], ["OtherNationalSecurity", "IllegalControl"],
             ["SupplyChain"], ["UserInformation"], ["IllegalControl", "SupplyChain", "UserInformation", "UnfairCompetition", "OtherNationalSecurity"],
             ["UnfairCompetition"], ["SupplyChain"], ["OtherNationalSecurity"]]
    candidates = [{"expertId": f"00000000-0000-0000-0000-0000000000{i:02d}", "riskAreas": a, "productKinds": ["Hardware", "Software"]}
                  for i, a in enumerate(areas, start=1)]
    rule = {"seats": 5, "riskAreas": RISK_AREAS, "productKinds": ["Hardware"]}
    print("panel:", draw(seed, candidates, rule))
    print("panel, other seed:", draw(bytes(range(1, 33)), candidates, rule))
    print("cloud:", [draw(bytes([s]) * 32, [{"expertId": "1", "riskAreas": ["IllegalControl"], "productKinds": ["CloudService"]},
                                             {"expertId": "4", "riskAreas": ["IllegalControl", "SupplyChain"], "productKinds": ["CloudService"]}],
                           {"seats": 1, "riskAreas": ["IllegalControl", "SupplyChain"], "productKinds": ["CloudService"]}) for s in range(5)])
    print("replacement:", draw(seed, candidates, {"seats": 1, "riskAreas": RISK_AREAS, "productKinds": ["Hardware"]},
                               seated=[candidates[0], candidates[1], candidates[2], candidates[4]]))


if __name__ == "__main__":
    if len(sys.argv) < 2:
        test_values()
    else:
        record = json.load(open(sys.argv[1], encoding="utf-8"))
        print(json.dumps(draw(bytes.fromhex(record["seed"]), record["candidates"], record["rule"], record.get("seated", []))))
