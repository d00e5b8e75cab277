"""What changed between two publications of a unit's score, in words the unit can act on."""


def score_changes(before: dict, after: dict) -> list[str]:
    changes = []
    old_steps = {s["step"]: s for s in before["steps"]}
    for step in after["steps"]:
        old = old_steps.get(step["step"])
        if old is None:
            continue
        if old["points"] != step["points"]:
            changes.append(f"ขั้นตอนที่ {step['step']}: {old['points']} → {step['points']} คะแนน")
        old_rules = sorted((d["rule"], d["amount"]) for d in old["deductions"])
        new_rules = sorted((d["rule"], d["amount"]) for d in step["deductions"])
        for rule, amount in sorted(set(new_rules) - set(old_rules)):
            changes.append(f"ขั้นตอนที่ {step['step']}: หักเพิ่ม {amount} ({rule})")
        for rule, amount in sorted(set(old_rules) - set(new_rules)):
            changes.append(f"ขั้นตอนที่ {step['step']}: ยกเลิกการหัก {amount} ({rule})")
    for key, label in (("round1", "รอบที่ ๑"), ("year", "ทั้งปี")):
        if before[key] != after[key]:
            changes.append(f"คะแนน{label}: {before[key]} → {after[key]}")
    return changes
