package com.vigil.persistence.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A database flag (table {@code vigil_meta}), e.g. {@code demo=true}. */
@Entity
@Table(name = "vigil_meta")
public class MetaEntity {
    @Id
    @Column(name = "meta_key")
    private String key;
    @Column(name = "meta_value", nullable = false)
    private String value;

    protected MetaEntity() {
    }

    MetaEntity(String key, String value) {
        this.key = key;
        this.value = value;
    }

    String value() {
        return value;
    }
}
