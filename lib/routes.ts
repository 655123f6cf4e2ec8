// Page and API paths in one place; every dynamic segment is encoded so names with "/", "%" or spaces stay one segment.
const seg = encodeURIComponent;

export const pageRoutes = {
  clusters: () => '/clusters',
  cluster: (clusterId: string) => `/clusters/${seg(clusterId)}`,
  brokers: (clusterId: string) => `/clusters/${seg(clusterId)}/brokers`,
  audit: () => '/audit',
};

export const apiRoutes = {
  clusters: () => '/api/v1/clusters',
  brokers: (clusterId: string) => `/api/v1/clusters/${seg(clusterId)}/brokers`,
  audit: (query: string) => `/api/v1/audit${query ? `?${query}` : ''}`,
  auditCsv: (query: string) => `/api/v1/audit/export.csv${query ? `?${query}` : ''}`,
};
