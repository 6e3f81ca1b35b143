"""The proposal workspace's words (issue 13): the store's refusals (`store.workspace_*`), the statuses
and results of a proposal (`workspace.status.*`, `workspace.result.*`) and the workspace page
(`workspace.ui.*`)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # --- the store's refusals -------------------------------------------------------------------
    "store.workspace_bad_field": ("'{field}' bukan isian proposal (judul, bagian, bukti atau lampiran).",
                                  "'{field}' is not a proposal field (title, section, evidence or attachment)."),
    "store.workspace_too_long": ("Isian '{field}' terlalu panjang: paling banyak {limit} karakter.",
                                 "The field '{field}' is too long: at most {limit} characters."),
    "store.workspace_unknown_change": ("Perubahan #{change} tidak ada di riwayat proposal ini.",
                                       "Change #{change} is not in this proposal's history."),
    "store.workspace_bad_status": ("Status proposal '{status}' tidak dikenal: draf, ditinjau, diajukan atau hasil.",
                                   "Unknown proposal status '{status}': draf, ditinjau, diajukan or hasil."),
    "store.workspace_bad_result": ("Hasil '{result}' tidak valid: status 'hasil' perlu salah satu dari Top 99, "
                                   "Top 45, Top Inovasi atau tidak lolos (dan status lain tidak punya hasil).",
                                   "Result '{result}' is not valid: the status 'hasil' needs one of Top 99, Top 45, "
                                   "Top Inovasi or not selected (and no other status has a result)."),
    "store.workspace_bad_step": ("Proposal berstatus '{current}' tidak bisa langsung menjadi '{status}'.",
                                 "A proposal that is '{current}' cannot become '{status}' directly."),
    "store.workspace_empty_comment": ("Komentar tinjauan kosong; tidak ada yang disimpan.",
                                      "The review comment is empty; nothing was saved."),
    "store.workspace_no_identity": ("Inovasi tanpa nama tidak bisa punya proposal.",
                                    "An innovation without a name cannot have a proposal."),
    # --- statuses and results -------------------------------------------------------------------
    "workspace.status.draf": ("Draf", "Draft"),
    "workspace.status.ditinjau": ("Ditinjau", "In review"),
    "workspace.status.diajukan": ("Diajukan", "Submitted"),
    "workspace.status.hasil": ("Hasil", "Result"),
    "workspace.result.top99": ("Top 99", "Top 99"),
    "workspace.result.top45": ("Top 45", "Top 45"),
    "workspace.result.top_inovasi": ("Top Inovasi", "Top Innovation"),
    "workspace.result.tidak_lolos": ("Tidak lolos", "Not selected"),
}
