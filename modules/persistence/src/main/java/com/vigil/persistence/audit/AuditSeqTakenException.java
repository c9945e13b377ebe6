package com.vigil.persistence.audit;

import com.vigil.persistence.db.DatabaseException;
import java.nio.file.Path;

/** Another writer appended an audit entry with the same sequence number first; read the head and retry. */
public class AuditSeqTakenException extends DatabaseException {
    public AuditSeqTakenException(Path file, String message, Throwable cause) {
        super(file, message, cause);
    }
}
