/**
 * The FHIR R4 types of what `claimResponse` writes: the part of R4's ClaimResponse this project
 * fills, field by field, so that a consumer reads `total`, `item` and `payment` without casts.
 * Names and shapes are R4's (https://hl7.org/fhir/R4/claimresponse.html).
 */

/** A code in a code system. */
export interface FhirCoding {
  readonly system: string;
  readonly code: string;
  readonly display?: string;
}

/** A concept given by codes (R4 CodeableConcept). */
export interface FhirCodeableConcept {
  readonly coding: readonly FhirCoding[];
  readonly text?: string;
}

/** An amount of money; decimals as JSON numbers, as FHIR writes them. */
export interface FhirMoney {
  readonly value: number;
  readonly currency: 'CNY';
}

/** One adjudication of the item: its category (and for a payer, its tier in `reason`) and amount. */
export interface FhirAdjudication {
  readonly category: FhirCodeableConcept;
  readonly reason?: FhirCodeableConcept;
  readonly amount: FhirMoney;
}

/**
 * An R4 ClaimResponse as `claimResponse` writes it.
 *
 * @example
 * ```ts
 * const cr: FhirClaimResponse = claimResponse(record);
 * cr.total.find((t) => t.category.coding[0]?.code === 'benefit')?.amount.value;
 * ```
 */
export interface FhirClaimResponse {
  readonly resourceType: 'ClaimResponse';
  readonly id?: string;
  readonly identifier: readonly { readonly system: string; readonly value: string }[];
  readonly status: 'active';
  readonly type: FhirCodeableConcept;
  readonly use: 'claim';
  readonly patient: FhirReference;
  readonly created: string;
  readonly insurer: FhirReference;
  readonly request: FhirReference;
  readonly outcome: 'complete';
  readonly disposition: string;
  readonly payeeType: FhirCodeableConcept;
  readonly item: readonly { readonly itemSequence: number; readonly adjudication: readonly FhirAdjudication[] }[];
  readonly total: readonly { readonly category: FhirCodeableConcept; readonly amount: FhirMoney }[];
  readonly payment: { readonly type: FhirCodeableConcept; readonly amount: FhirMoney };
  readonly insurance: readonly {
    readonly sequence: number;
    readonly focal: boolean;
    readonly coverage: FhirReference;
  }[];
  readonly processNote: readonly { readonly number: number; readonly type: 'display'; readonly text: string }[];
}

/** A FHIR R4 Reference, as `insurer` takes it. */
export interface FhirReference {
  readonly reference?: string;
  readonly type?: string;
  readonly identifier?: { readonly system?: string; readonly value: string };
  readonly display?: string;
}
