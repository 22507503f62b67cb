/**
 * What the claim form holds: one person and their claims of a year, each field as typed. The
 * form never judges a value; it writes the claim JSON as docs/claim.md defines it (fields left
 * empty are absent, check boxes at their default are absent) and the library says what is wrong,
 * at the field's path, so that the page shows exactly the errors a billing system would get.
 */

import type { ClaimInput } from '../../claim/claim-input.js';
import example from '../../../examples/claims/01-poor-inpatient-in-county.json';

/** The person of the claims. */
export interface PersonDraft {
  id: string;
  county: string;
  category: string;
  illnessInduced: boolean;
}

/** One line of a claim's bill. */
export interface ItemDraft {
  category: string;
  catalog: string;
  amount: string;
  compliant: boolean;
  necessary: boolean;
}

/** One claim of the person. */
export interface ClaimDraft {
  id: string;
  kind: string;
  admitted: string;
  discharged: string;
  chronic: boolean;
  majorDisease: boolean;
  referral: string;
  deliveryMode: string;
  hospitalId: string;
  hospitalName: string;
  level: string;
  area: string;
  designated: boolean;
  items: ItemDraft[];
}

/** The form: a person and their claims, settled in order with one ledger. */
export interface ClaimFormDraft {
  person: PersonDraft;
  claims: ClaimDraft[];
}

/**
 * The form as it opens: the first example claim of the project (examples/claims/01, a
 * registered-poor inpatient treated in her own county), ready to settle. It is read from the
 * example's JSON: no county, category or tier of a scheme is written in the page's code.
 *
 * @example
 * claimsOf(exampleDraft())[0].id // "C01"
 */
export function exampleDraft(): ClaimFormDraft {
  const c = example as ClaimInput;
  const text = (v: unknown) => (v === undefined ? '' : String(v));
  return {
    person: {
      id: c.person.id,
      county: c.person.county,
      category: c.person.category,
      illnessInduced: c.person.illnessInduced === true,
    },
    claims: [
      {
        id: c.id,
        kind: c.visit.kind,
        admitted: text(c.visit.admitted),
        discharged: c.visit.discharged,
        chronic: c.visit.chronic === true,
        majorDisease: c.visit.majorDisease === true,
        referral: text(c.visit.referral),
        deliveryMode: text(c.visit.deliveryMode),
        hospitalId: text(c.hospital.id),
        hospitalName: text(c.hospital.name),
        level: c.hospital.level,
        area: c.hospital.area,
        designated: c.hospital.designated !== false,
        items: c.items.map((i) => ({
          category: i.category,
          catalog: i.catalog,
          amount: text(i.amount),
          compliant: i.compliant !== false,
          necessary: i.necessary === true,
        })),
      },
    ],
  };
}

/**
 * A next claim of the same person: the previous one's visit and hospital, a new id, one empty item.
 *
 * @example
 * nextClaim(draft.claims[0]).id // "C01-2"
 */
export function nextClaim(previous: ClaimDraft, n: number): ClaimDraft {
  return {
    ...previous,
    id: `${previous.id.replace(/-\d+$/, '')}-${n}`,
    items: [{ category: 'drug', catalog: 'A', amount: '', compliant: true, necessary: false }],
  };
}

/**
 * The claims of the form as contract JSON (docs/claim.md), in order.
 *
 * @example
 * settleBatch(claimsOf(draft))
 */
export function claimsOf(draft: ClaimFormDraft): Record<string, unknown>[] {
  const p = draft.person;
  const text = (v: string) => (v === '' ? undefined : v);
  return draft.claims.map((c) =>
    strip({
      id: c.id,
      person: strip({
        id: p.id,
        county: p.county,
        category: p.category,
        illnessInduced: p.illnessInduced || undefined,
      }),
      visit: strip({
        kind: c.kind,
        admitted: text(c.admitted),
        discharged: c.discharged,
        chronic: c.chronic || undefined,
        majorDisease: c.majorDisease || undefined,
        referral: text(c.referral),
        deliveryMode: text(c.deliveryMode),
      }),
      hospital: strip({
        id: text(c.hospitalId),
        name: text(c.hospitalName),
        level: c.level,
        area: c.area,
        designated: c.designated ? undefined : false,
      }),
      items: c.items.map((i) =>
        strip({
          category: i.category,
          catalog: i.catalog,
          amount: i.amount,
          compliant: i.compliant ? undefined : false,
          necessary: i.necessary || undefined,
        }),
      ),
    }),
  );
}

/** The object without its undefined fields (absent in the JSON, as a billing system would leave them out). */
function strip(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
