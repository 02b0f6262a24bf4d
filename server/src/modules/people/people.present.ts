import {
  maskIdNumber,
  type PendingStaffItem,
  type ProfessionalDetail,
  type ProfessionalFields,
  type StaffListItem,
} from '@ce/shared';
import { regionFullName } from '../regions/regions';
import type { ProfessionalRow } from './people.policy';
import type { ProfessionalValues, ProfessionalWithEmployer } from './people.repository';

/** A full profile: the detail pages of the person and of their employer (SPEC §13). */
export function presentDetail({
  row,
  employerName,
  employerRegion,
}: ProfessionalWithEmployer): ProfessionalDetail {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    idNumber: row.idNumber,
    ethnicity: row.ethnicity,
    birthDate: row.birthDate,
    nativePlace: row.nativePlace,
    education: row.education,
    degree: row.degree,
    major: row.major,
    school: row.school,
    graduationDate: row.graduationDate,
    workStartDate: row.workStartDate,
    contactPhone: row.phone,
    email: row.email,
    qualification: row.qualification,
    qualificationDate: row.qualificationDate,
    series: row.series,
    specialty: row.specialty,
    postalCode: row.postalCode,
    mailingAddress: row.address,
    employer:
      row.employerId && employerName
        ? { id: row.employerId, name: employerName, regionName: regionFullName(employerRegion ?? '') }
        : null,
    bindingStatus: row.bindingStatus,
    bindingAt: row.bindingAt?.toISOString() ?? null,
    hasAccount: row.personId !== null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A row of the employer's lists: the ID number masked. */
export function presentListItem(row: ProfessionalRow): StaffListItem {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    idNumber: maskIdNumber(row.idNumber),
    education: row.education,
    workStartDate: row.workStartDate,
    series: row.series,
    bindingStatus: row.bindingStatus,
  };
}

export function presentPendingItem(row: ProfessionalRow): PendingStaffItem {
  return { ...presentListItem(row), submittedAt: row.bindingAt?.toISOString() ?? null };
}

/** The request's profile fields as columns (联系电话 → phone, 通信地址 → address). */
export function profileColumns(input: ProfessionalFields): Omit<ProfessionalValues, 'idNumber'> {
  return {
    name: input.name,
    sex: input.sex,
    ethnicity: input.ethnicity,
    birthDate: input.birthDate,
    nativePlace: input.nativePlace,
    education: input.education,
    degree: input.degree,
    major: input.major,
    school: input.school,
    graduationDate: input.graduationDate,
    workStartDate: input.workStartDate,
    phone: input.contactPhone,
    email: input.email,
    qualification: input.qualification,
    qualificationDate: input.qualificationDate,
    series: input.series,
    specialty: input.specialty,
    postalCode: input.postalCode,
    address: input.mailingAddress,
  };
}
