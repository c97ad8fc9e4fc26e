#!/usr/bin/env python3
"""Rows and files of a seeded archive, for bench/seed-archive.sh (which loads the rows).

  seed_rows.py ARCHIVE_DIR CSV_DIR INSTANCES SUBJECTS PROJECT_ID SOURCE.dcm...

Writes CSV files per table into CSV_DIR, TABLE.1.csv, TABLE.2.csv, ... of at most 100,000 rows (a
header line of column names, then comma-separated values without quotes; no value holds a comma) and, for every instance, a hard link in NiDB's layout
ARCHIVE_DIR/<SubjectUID>/<studynum>/<seriesnum>/dicom/<name>.dcm to one of the SOURCE files (each
source takes at most 60,000 links: ext4 allows 65,000 per inode).

Shape: SUBJECTS subjects (NiDB UIDs S####LLL, each with a family F####LLL, its PatientID as alternate
UID and one enrollment in PROJECT_ID), 1 or 2 studies each, series of 100 to 200 instances (150 on
average) dealt round-robin over the studies, one import-log row per instance and one per series, one
claimed series (import_batch, DONE) per series and one scan (import_scan) per 20 series. Ids start at
1: the tables must be empty. SOPInstanceUIDs are unique (2.25.<run base + n>); sha256 is a unique
64-hex value per instance (SHA-256 of the SOPInstanceUID, so that its index is as selective as with
real files), file_size the size of the linked file. Prints a summary line of counts.
"""
import datetime
import hashlib
import os
import random
import sys

LINKS_PER_SOURCE = 60000
SCAN_EVERY = 20  # series per import_scan row
PART_ROWS = 100000  # rows per CSV file
MR_IMAGE = "1.2.840.10008.5.1.4.1.1.4"
OFFENSIVE = {"ASS", "CUM", "DIE", "DIK", "FAG", "FAT", "FUC", "FUK", "FUX", "GAY", "GOD", "JEW", "JIZ", "KKK",
             "KIL", "NIG", "NUT", "PEE", "PIS", "POO", "PUS", "SEX", "SHT", "SUK", "TIT", "VAG", "WTF", "XXX",
             "DAM", "HOE", "LSD", "NAZ", "PMS", "SUX", "WOP", "CUK", "DIC", "DIX", "FCK", "KYK", "NGR", "SOB"}


def nidb_uids(prefix, count, rng):
    """count distinct UIDs prefix + 4 digits + 3 letters, none spelling an offensive word."""
    seen = set()
    while len(seen) < count:
        letters = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(3))
        if letters not in OFFENSIVE:
            seen.add("%s%04d%s" % (prefix, rng.randrange(10000), letters))
    uids = sorted(seen)
    rng.shuffle(uids)
    return uids


class Table:
    """CSV files NAME.1.csv, NAME.2.csv, ... of at most PART_ROWS rows each (loaded one transaction each)."""

    def __init__(self, csv_dir, name, columns):
        self.csv_dir, self.name, self.header = csv_dir, name, ",".join(columns) + "\n"
        self.rows = 0
        self.out = None

    def add(self, *values):
        if self.rows % PART_ROWS == 0:
            self.close()
            part = self.rows // PART_ROWS + 1
            self.out = open(os.path.join(self.csv_dir, "%s.%d.csv" % (self.name, part)), "w", buffering=1 << 20)
            self.out.write(self.header)
        self.out.write(",".join("" if v is None else str(v) for v in values) + "\n")
        self.rows += 1

    def close(self):
        if self.out:
            self.out.close()


def ts(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S.") + "%03d" % (moment.microsecond // 1000)


def main():
    if len(sys.argv) < 7:
        sys.exit(__doc__)
    archive, csv_dir = sys.argv[1], sys.argv[2]
    instances, subjects, project_id = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    sources = sys.argv[6:]
    if len(sources) * LINKS_PER_SOURCE < instances:
        sys.exit("seed_rows.py: %d source files take at most %d links, not %d"
                 % (len(sources), len(sources) * LINKS_PER_SOURCE, instances))
    sizes = [os.path.getsize(s) for s in sources]
    rng = random.Random(20261130)
    run_base = random.SystemRandom().randrange(10 ** 25, 10 ** 26) * 10 ** 9  # unique UIDs across runs
    start = datetime.datetime(2016, 1, 4, 8, 0, 0)
    now = ts(datetime.datetime.now())
    os.makedirs(csv_dir, exist_ok=True)

    t = {name: Table(csv_dir, name, cols.split()) for name, cols in {
        "family": "id uid name created_at",
        "subject": "id uid uid_sha1 family_id patient_name sex birth_date created_at",
        "subject_altuid": "id subject_id altuid altuid_sha1 created_at",
        "enrollment": "id subject_id project_id created_at",
        "study": "id subject_id enrollment_id study_num modality study_datetime study_instance_uid study_id "
                 "description created_at updated_at",
        "series": "id study_id series_num series_instance_uid modality description protocol series_datetime "
                  "img_rows img_cols file_count total_bytes created_at updated_at repetition_time echo_time "
                  "flip_angle field_strength slice_thickness slice_count is_valid missing_count",
        "instance": "id series_id sop_instance_uid sop_class_uid instance_number file_path file_size sha256 "
                    "created_at slice_position",
        "import_scan": "id created_at elapsed_ms files_read bytes_read files_quarantined files_waiting "
                       "series_queued files_queued completed_at",
        "import_batch": "id claim_key series_key scan_id status file_count subject_id study_id series_id message "
                        "attempts files_archived files_duplicate files_quarantined subject_created study_created "
                        "series_created created_at updated_at",
        "import_log": "id created_at batch_id outcome file_name subject_uid study_num series_num message actor "
                      "project_id",
    }.items()}

    subject_uids = nidb_uids("S", subjects, rng)
    family_uids = nidb_uids("F", subjects, rng)
    studies = []  # (study id, subject uid, study num, study uid, subject id, datetime)
    for s in range(1, subjects + 1):
        uid = subject_uids[s - 1]
        created = ts(start + datetime.timedelta(hours=s))
        t["family"].add(s, family_uids[s - 1], "Proband-" + uid, created)
        birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(20000))
        t["subject"].add(s, uid, hashlib.sha1(uid.encode()).hexdigest(), s, "Seed^Subject%d" % s,
                         "MF"[s % 2], birth.isoformat(), created)
        patient_id = "SEED%07d" % s
        t["subject_altuid"].add(s, s, patient_id, hashlib.sha1(patient_id.lower().encode()).hexdigest(), created)
        t["enrollment"].add(s, s, project_id, created)
        for num in range(1, 2 + (s % 2)):
            sid = len(studies) + 1
            when = start + datetime.timedelta(hours=s, days=400 * (num - 1))
            study_uid = "2.25.%d" % (run_base + 10 ** 8 + sid)
            t["study"].add(sid, s, s, num, "MR", ts(when), study_uid, "E%d" % sid, "Seed study", created, created)
            studies.append((sid, uid, num, study_uid, s, when))

    series_num = {}  # study id -> last series number
    series_id = 0
    instance_id = 0
    log_id = 0
    source_links = 0
    made_dirs = set()
    while instance_id < instances:
        series_id += 1
        size = min(100 + (series_id * 7919) % 101, instances - instance_id)
        sid, subject_uid, study_num, study_uid, subject_id, when = studies[(series_id - 1) % len(studies)]
        num = series_num[sid] = series_num.get(sid, 0) + 1
        series_uid = "2.25.%d" % (run_base + 2 * 10 ** 8 + series_id)
        at = when + datetime.timedelta(minutes=5 * num)
        created = ts(at + datetime.timedelta(days=1))
        scan_id = (series_id - 1) // SCAN_EVERY + 1
        folder = os.path.join(subject_uid, str(study_num), str(num), "dicom")
        if folder not in made_dirs:
            os.makedirs(os.path.join(archive, folder), exist_ok=True)
            made_dirs.add(folder)
        total = 0
        for k in range(1, size + 1):
            instance_id += 1
            source = instance_id % len(sources)
            total += sizes[source]
            sop = "2.25.%d" % (run_base + 3 * 10 ** 8 + instance_id)
            name = "%s_%d_%d_00001_%05d_%s_%s_%s.dcm" % (subject_uid, study_num, num, k, at.strftime("%H%M%S"),
                                                          at.strftime("%H%M%S"), hashlib.md5(sop.encode()).hexdigest())
            relative = os.path.join(folder, name)
            os.link(sources[source], os.path.join(archive, relative))
            source_links += 1
            t["instance"].add(instance_id, series_id, sop, MR_IMAGE, k, relative, sizes[source],
                              hashlib.sha256(sop.encode()).hexdigest(), created, "0\\0\\%d" % (k * 250))
            log_id += 1
            t["import_log"].add(log_id, created, series_id, "ARCHIVED", "s%d/i%05d.dcm" % (series_id, k), subject_uid,
                                study_num, num, "archived as " + relative, "system", project_id)
        t["series"].add(series_id, sid, num, series_uid, "MR", "seed series %d" % num, "seed protocol", ts(at),
                        256, 256, size, total, created, created, 2000.0, 30.0, 90.0, 3.0, 3.0, size, 1, 0)
        t["import_batch"].add(series_id, "%08x-seed-%019d" % (series_id, run_base // 10 ** 9 % 10 ** 19),
                              "%s|%d" % (study_uid, num), scan_id, "DONE", size, subject_id, sid, series_id, "seeded",
                              1, size, 0, 0, 1 if num == 1 and study_num == 1 else 0, 1 if num == 1 else 0, 1,
                              created, created)
        log_id += 1
        t["import_log"].add(log_id, created, series_id, "SERIES_ARCHIVED", "seed series %d" % num, subject_uid,
                            study_num, num, "%d archived" % size, "system", project_id)
    for scan in range(1, (series_id - 1) // SCAN_EVERY + 2):
        created = ts(start + datetime.timedelta(days=1, hours=scan))
        t["import_scan"].add(scan, created, 1500, SCAN_EVERY * 150, SCAN_EVERY * 150 * sizes[0], 0, 0,
                             SCAN_EVERY, SCAN_EVERY * 150, created)
    for table in t.values():
        table.close()
    print(" ".join("%s=%d" % (name, table.rows) for name, table in t.items()), "links=%d" % source_links,
          "now=" + now)


if __name__ == "__main__":
    main()
