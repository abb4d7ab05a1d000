-- Imported versions are authored by the importer at import time; the file's author and time are kept only as
-- provenance (a JSON record, null for versions written here).
ALTER TABLE `prompt_versions` ADD `provenance` text;