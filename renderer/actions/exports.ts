// Exports of the filter's sign-ins and the HTML case report: both are jobs that write one file.
import type { Req } from '../../shared/api/contract';
import { api } from '../api/client';
import type { JobDone } from '../store/job-slice';
import { runJob } from './jobs';

export const exportRows = (req: Req<'export.rows'>): Promise<JobDone> => runJob('export', () => api().call('export.rows', req));
export const writeReport = (req: Req<'report.html'>): Promise<JobDone> => runJob('report', () => api().call('report.html', req));
