-- Imports read and check each record in Node (src/modules/projects/import/rows.ts) and copy the
-- rows that are right into a temporary table, which hashes them as they arrive (rowHashSql): md5 of
-- the values as text joined by U+001F, U+001E for a null, a date as its days from 2000-01-01. The
-- rows imported before are hashed again the same way, so a release imported again compares
-- equal. The SQL readers of migrations 0005 and 0007 are no longer used.
UPDATE project_locations SET row_hash = md5(coalesce(cup::text, E'\x1e') || E'\x1f' || coalesce(local_code::text, E'\x1e') || E'\x1f' || coalesce(sub_measure_code::text, E'\x1e') || E'\x1f' || coalesce(region_code::text, E'\x1e') || E'\x1f' || coalesce(province_code::text, E'\x1e') || E'\x1f' || coalesce(comune_code::text, E'\x1e') || E'\x1f' || coalesce(special::text, E'\x1e') || E'\x1f' || coalesce(address::text, E'\x1e') || E'\x1f' || coalesce(postcode::text, E'\x1e') || E'\x1f' || coalesce(share::text, E'\x1e')) WHERE release_id IS NOT NULL;
--> statement-breakpoint
UPDATE project_subjects SET row_hash = md5(coalesce(cup::text, E'\x1e') || E'\x1f' || coalesce(local_code::text, E'\x1e') || E'\x1f' || coalesce(role_code::text, E'\x1e') || E'\x1f' || coalesce(role::text, E'\x1e') || E'\x1f' || coalesce(tax_code::text, E'\x1e') || E'\x1f' || coalesce(name::text, E'\x1e') || E'\x1f' || coalesce(legal_form::text, E'\x1e') || E'\x1f' || coalesce(ateco_code::text, E'\x1e'));
--> statement-breakpoint
UPDATE project_payments SET row_hash = md5(coalesce(cup::text, E'\x1e') || E'\x1f' || coalesce(local_code::text, E'\x1e') || E'\x1f' || coalesce(sub_measure_code::text, E'\x1e') || E'\x1f' || coalesce(funding_total::text, E'\x1e') || E'\x1f' || coalesce(funding_pnrr::text, E'\x1e') || E'\x1f' || coalesce(paid_total::text, E'\x1e') || E'\x1f' || coalesce(paid_pnrr::text, E'\x1e') || E'\x1f' || coalesce(paid_state::text, E'\x1e') || E'\x1f' || coalesce(paid_eu_other::text, E'\x1e') || E'\x1f' || coalesce(paid_region::text, E'\x1e') || E'\x1f' || coalesce(paid_province::text, E'\x1e') || E'\x1f' || coalesce(paid_comune::text, E'\x1e') || E'\x1f' || coalesce(paid_other_public::text, E'\x1e') || E'\x1f' || coalesce(paid_private::text, E'\x1e') || E'\x1f' || coalesce(paid_pnc::text, E'\x1e') || E'\x1f' || coalesce(paid_other::text, E'\x1e') || E'\x1f' || coalesce((extracted_on - DATE '2000-01-01')::text, E'\x1e'));
--> statement-breakpoint
UPDATE project_indicators SET row_hash = md5(coalesce(cup::text, E'\x1e') || E'\x1f' || coalesce(local_code::text, E'\x1e') || E'\x1f' || coalesce(sub_measure_code::text, E'\x1e') || E'\x1f' || coalesce(code::text, E'\x1e') || E'\x1f' || coalesce(description::text, E'\x1e') || E'\x1f' || coalesce(unit::text, E'\x1e') || E'\x1f' || coalesce(kind::text, E'\x1e') || E'\x1f' || coalesce(achieved::text, E'\x1e') || E'\x1f' || coalesce(planned::text, E'\x1e') || E'\x1f' || coalesce(month::text, E'\x1e') || E'\x1f' || coalesce(year::text, E'\x1e') || E'\x1f' || coalesce((extracted_on - DATE '2000-01-01')::text, E'\x1e'));
--> statement-breakpoint
UPDATE projects SET content_hash = md5(coalesce(programme::text, E'\x1e') || E'\x1f' || coalesce(mission::text, E'\x1e') || E'\x1f' || coalesce(component::text, E'\x1e') || E'\x1f' || coalesce(measure_code::text, E'\x1e') || E'\x1f' || coalesce(title::text, E'\x1e') || E'\x1f' || coalesce(summary::text, E'\x1e') || E'\x1f' || coalesce(owner::text, E'\x1e') || E'\x1f' || coalesce(implementer::text, E'\x1e') || E'\x1f' || coalesce(implementer_tax_code::text, E'\x1e') || E'\x1f' || coalesce(cup_status::text, E'\x1e') || E'\x1f' || coalesce(nature::text, E'\x1e') || E'\x1f' || coalesce(typology::text, E'\x1e') || E'\x1f' || coalesce(sector::text, E'\x1e') || E'\x1f' || coalesce(procedure::text, E'\x1e') || E'\x1f' || coalesce(funding_state::text, E'\x1e') || E'\x1f' || coalesce(funding_eu_other::text, E'\x1e') || E'\x1f' || coalesce(funding_region::text, E'\x1e') || E'\x1f' || coalesce(funding_province::text, E'\x1e') || E'\x1f' || coalesce(funding_comune::text, E'\x1e') || E'\x1f' || coalesce(funding_other_public::text, E'\x1e') || E'\x1f' || coalesce(funding_private::text, E'\x1e') || E'\x1f' || coalesce(funding_to_find::text, E'\x1e') || E'\x1f' || coalesce(funding_pnrr::text, E'\x1e') || E'\x1f' || coalesce(funding_pnc::text, E'\x1e') || E'\x1f' || coalesce(funding_other::text, E'\x1e') || E'\x1f' || coalesce(funding_total::text, E'\x1e') || E'\x1f' || coalesce(funding_total_public::text, E'\x1e') || E'\x1f' || coalesce((source_updated_at - DATE '2000-01-01')::text, E'\x1e')) WHERE NOT is_manual AND content_hash IS NOT NULL;
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_it_amount(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_it_amount_ok(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_it_date(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_iso_date(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_pnrr_code(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_dot_amount(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_dot_amount_ok(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_blank(text);
--> statement-breakpoint
DROP FUNCTION IF EXISTS metroplan_valid_date(int, int, int);
