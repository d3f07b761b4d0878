import { badRequest } from '../errors.ts';
import { isCountry } from '../phone-numbers.ts';

// What an address of a country needs (Webex's country configuration): whether a state and a zip
// code are asked for, the states to choose from, and the country's time zones. Countries are the
// ones Callplane's phone-number rules know (libphonenumber); time zones come from the ICU data the
// runtime carries; states are listed for the countries whose addresses Webex asks a state of.

export type CountryRequirements = { stateRequired: boolean; zipCodeRequired: boolean; states: { code: string; name: string }[]; timeZones: string[] };

const unknownCountry = (code: string) => badRequest(`countryCode "${code}" is not an ISO-3166 two-letter country code Webex Calling supports.`);

const table = (rows: string) => rows.split(';').map((row) => {
  const [code, name] = row.split('=') as [string, string];
  return { code: code.trim(), name: name.trim() };
});

/** States and provinces by country: US (with its territories and the armed forces' codes) and Canada. */
const STATES: Record<string, { code: string; name: string }[]> = {
  US: table(
    'AA=Armed Forces Americas;AE=Armed Forces Europe;AK=Alaska;AL=Alabama;AP=Armed Forces Pacific;AR=Arkansas;AS=American Samoa;AZ=Arizona;' +
      'CA=California;CO=Colorado;CT=Connecticut;DC=District of Columbia;DE=Delaware;FL=Florida;GA=Georgia;GU=Guam;HI=Hawaii;IA=Iowa;ID=Idaho;' +
      'IL=Illinois;IN=Indiana;KS=Kansas;KY=Kentucky;LA=Louisiana;MA=Massachusetts;MD=Maryland;ME=Maine;MI=Michigan;MN=Minnesota;MO=Missouri;' +
      'MP=Northern Mariana Islands;MS=Mississippi;MT=Montana;NC=North Carolina;ND=North Dakota;NE=Nebraska;NH=New Hampshire;NJ=New Jersey;' +
      'NM=New Mexico;NV=Nevada;NY=New York;OH=Ohio;OK=Oklahoma;OR=Oregon;PA=Pennsylvania;PR=Puerto Rico;RI=Rhode Island;SC=South Carolina;' +
      'SD=South Dakota;TN=Tennessee;TX=Texas;UT=Utah;VA=Virginia;VI=Virgin Islands;VT=Vermont;WA=Washington;WI=Wisconsin;WV=West Virginia;WY=Wyoming',
  ),
  CA: table(
    'AB=Alberta;BC=British Columbia;MB=Manitoba;NB=New Brunswick;NL=Newfoundland and Labrador;NS=Nova Scotia;NT=Northwest Territories;' +
      'NU=Nunavut;ON=Ontario;PE=Prince Edward Island;QC=Quebec;SK=Saskatchewan;YT=Yukon',
  ),
};

/** The country's IANA time zones (ICU's own list for the region), sorted. */
function timeZonesOf(country: string): string[] {
  const locale = new Intl.Locale(`und-${country}`) as Intl.Locale & { getTimeZones?: () => string[] | undefined };
  return [...(locale.getTimeZones?.() ?? [])].sort();
}

/** The requirements of a country's addresses (ISO-3166 alpha-2, any case); an unknown code is a 400. */
export function countryRequirements(countryCode: string): CountryRequirements {
  const country = countryCode.toUpperCase();
  if (!isCountry(country)) throw unknownCountry(countryCode);
  const states = STATES[country] ?? [];
  // Where Webex lists states, its addresses need the state and the zip code that goes with it.
  return { stateRequired: states.length > 0, zipCodeRequired: states.length > 0, states, timeZones: timeZonesOf(country) };
}
