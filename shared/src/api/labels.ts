import { AUTHORITIES_FIELD_LABELS } from './authorities';
import { CERTIFICATE_SETTINGS_FIELD_LABELS } from './certificate-settings';
import { CERTIFICATES_FIELD_LABELS } from './certificates';
import { COMMON_FIELD_LABELS } from './common';
import { IMPORTS_FIELD_LABELS } from './imports';
import { INSTITUTIONS_FIELD_LABELS } from './institutions';
import { ORGS_FIELD_LABELS } from './orgs';
import { PEOPLE_FIELD_LABELS } from './people';
import { RECORDS_FIELD_LABELS } from './records';
import { REQUIREMENTS_FIELD_LABELS } from './requirements';
import { TEACHERS_FIELD_LABELS } from './teachers';
import { TODOS_FIELD_LABELS } from './todos';
import { WORKFLOW_FIELD_LABELS } from './workflow';

/** Chinese labels of request fields, used to name the field in validation errors. */
export const FIELD_LABELS: Record<string, string> = {
  ...COMMON_FIELD_LABELS,
  ...ORGS_FIELD_LABELS,
  ...PEOPLE_FIELD_LABELS,
  ...WORKFLOW_FIELD_LABELS,
  ...RECORDS_FIELD_LABELS,
  ...REQUIREMENTS_FIELD_LABELS,
  ...CERTIFICATES_FIELD_LABELS,
  ...CERTIFICATE_SETTINGS_FIELD_LABELS,
  ...TODOS_FIELD_LABELS,
  ...IMPORTS_FIELD_LABELS,
  ...INSTITUTIONS_FIELD_LABELS,
  ...TEACHERS_FIELD_LABELS,
  ...AUTHORITIES_FIELD_LABELS,
};
