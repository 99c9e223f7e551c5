import type { OfficeConfig } from '@kechuang/community';
import { slaPromise, TEXTS, type Open311Locale } from './open311-locale.js';

/** A request category of the office config. */
export type Category = OfficeConfig['categories'][number];
type CategoryAttribute = Category['attributes'][number];

/** One entry of `GET services`: a category as a GeoReport v2 service. */
export type Open311Service = {
  /** The category id. */
  service_code: string;
  /** The category's name. */
  service_name: string;
  /** The name, with the time limit the category's SLA policy promises. */
  description: string;
  /** Whether the category has custom attributes, so that a client fetches its definition. */
  metadata: boolean;
  /** Always `realtime`: requests are handled one by one. */
  type: 'realtime';
  /** The names in the other language and the category id, comma-separated. */
  keywords: string;
  /** The category's portfolio (分管领域), or null. */
  group: string | null;
};

/** The GeoReport v2 datatypes. */
export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** One attribute of a service definition. */
export type Open311Attribute = {
  /** Always true: the client gives the value. */
  variable: boolean;
  /** The attribute code. */
  code: string;
  /** How the value is given. */
  datatype: Open311Datatype;
  /** Whether a request of the service must give it. */
  required: boolean;
  /** A hint on the value's form, or null. */
  datatype_description: string | null;
  /** Its position in the definition, from 1. */
  order: number;
  /** The attribute's name. */
  description: string;
  /** For list datatypes, the allowed values. */
  values?: {
    /** The value sent. */
    key: string;
    /** The value's name. */
    name: string;
  }[];
};

/** `GET services/{service_code}`: the attributes a request of the service takes. */
export type Open311ServiceDefinition = {
  /** The category id. */
  service_code: string;
  /** Its custom attributes, in the config's order. */
  attributes: Open311Attribute[];
};

const other = (locale: Open311Locale): Open311Locale => (locale === 'en' ? 'zh-CN' : 'en');

/** The category a service_code names, or null. */
export function findCategory(config: OfficeConfig | null, code: string): Category | null {
  return config?.categories.find((c) => c.id === code) ?? null;
}

/** The label of a portfolio, in `locale`; null when the category has none. */
export function portfolioLabel(config: OfficeConfig | null, portfolio: string | null | undefined, locale: Open311Locale): string | null {
  return config?.portfolios.find((p) => p.id === portfolio)?.labels[locale] ?? null;
}

/**
 * The office's categories as GeoReport v2 services: the category id is the service_code, its
 * label the name, its portfolio the group; the keywords give the names in the other language
 * so that a search in either finds it.
 */
export function servicesOf(config: OfficeConfig | null, locale: Open311Locale): Open311Service[] {
  return (config?.categories ?? []).map((category) => {
    const name = category.labels[locale];
    const promise = slaPromise(config, category.sla ?? config?.defaultSla, locale);
    const group = portfolioLabel(config, category.portfolio, locale);
    const keywords = [category.labels[other(locale)], portfolioLabel(config, category.portfolio, other(locale)), category.id].filter((k): k is string => Boolean(k));
    return {
      service_code: category.id,
      service_name: name,
      description: promise ? `${name}${locale === 'en' ? '. ' : '：'}${promise}` : name,
      metadata: category.attributes.length > 0,
      type: 'realtime',
      keywords: [...new Set(keywords)].join(', '),
      group,
    };
  });
}

type Shape = { datatype: Open311Datatype; help: string | null; values?: Open311Attribute['values'] };
type Texts = (typeof TEXTS)[Open311Locale];
type Listed = NonNullable<Open311Attribute['values']>;

/** How each attribute type of the config appears to a GeoReport client. */
const SHAPES: Record<CategoryAttribute['type'], (texts: Texts, listed: Listed) => Shape> = {
  string: () => ({ datatype: 'string', help: null }),
  number: (texts) => ({ datatype: 'number', help: texts.number }),
  // GeoReport has no boolean: a yes/no list whose keys are the values the SDK stores.
  boolean: (texts) => ({ datatype: 'singlevaluelist', help: texts.one, values: [{ key: 'true', name: texts.yes }, { key: 'false', name: texts.no }] }),
  single: (texts, listed) => ({ datatype: 'singlevaluelist', help: texts.one, values: listed }),
  multi: (texts, listed) => ({ datatype: 'multivaluelist', help: texts.many, values: listed }),
};

function attributeOf(attribute: CategoryAttribute, index: number, locale: Open311Locale): Open311Attribute {
  const shape = SHAPES[attribute.type](TEXTS[locale], (attribute.values ?? []).map((value) => ({ key: value, name: value })));
  // Built field by field in the spec's order, which is the order the XML elements take.
  return {
    variable: true,
    code: attribute.code,
    datatype: shape.datatype,
    required: attribute.required,
    datatype_description: shape.help,
    order: index + 1,
    description: attribute.labels[locale],
    ...(shape.values ? { values: shape.values } : {}),
  };
}

/** The service definition of a category: its custom attributes, in the config's order. */
export function serviceDefinitionOf(category: Category, locale: Open311Locale): Open311ServiceDefinition {
  return { service_code: category.id, attributes: category.attributes.map((a, i) => attributeOf(a, i, locale)) };
}
