from pmqa4.api.models import ApiTokenUse
from pmqa4.privacy.pruning import PruneLogCommand


class Command(PruneLogCommand):
    # The log holds addresses (personal data): kept as long as the access log, no longer.
    help = "ลบบันทึกการใช้โทเค็น API ที่เก่ากว่าระยะเวลาเก็บรักษา (ACCESS_LOG_RETENTION_DAYS)"
    model = ApiTokenUse
    what = "บันทึกการใช้โทเค็น"
