import { featureStrings } from '../feature-strings';

/**
 * Dates in the interface's language, from the app's own words: Chromium has no Kyrgyz locale data
 * (Intl falls back to English: «December 20, 2026»), and CLDR's Kyrgyz pattern («2026-ж., 20-декабрь»)
 * is not how a Kyrgyz letter writes a date. Month names are in the form the date uses: Russian
 * genitive («20 декабря»), Kyrgyz possessive («20-декабры»).
 */
export const datesStrings = featureStrings(
  {
    datesLong: '{day} {month} {year} г.',
    datesDateTime: '{date}, {time}',
    datesMonth1: 'января',
    datesMonth2: 'февраля',
    datesMonth3: 'марта',
    datesMonth4: 'апреля',
    datesMonth5: 'мая',
    datesMonth6: 'июня',
    datesMonth7: 'июля',
    datesMonth8: 'августа',
    datesMonth9: 'сентября',
    datesMonth10: 'октября',
    datesMonth11: 'ноября',
    datesMonth12: 'декабря',
  },
  {
    datesLong: '{year}-жылдын {day}-{month}',
    datesDateTime: '{date}, {time}',
    datesMonth1: 'январы',
    datesMonth2: 'февралы',
    datesMonth3: 'марты',
    datesMonth4: 'апрели',
    datesMonth5: 'майы',
    datesMonth6: 'июну',
    datesMonth7: 'июлу',
    datesMonth8: 'августу',
    datesMonth9: 'сентябры',
    datesMonth10: 'октябры',
    datesMonth11: 'ноябры',
    datesMonth12: 'декабры',
  },
  {
    datesLong: '{day} {month} {year}',
    datesDateTime: '{date}, {time}',
    datesMonth1: 'January',
    datesMonth2: 'February',
    datesMonth3: 'March',
    datesMonth4: 'April',
    datesMonth5: 'May',
    datesMonth6: 'June',
    datesMonth7: 'July',
    datesMonth8: 'August',
    datesMonth9: 'September',
    datesMonth10: 'October',
    datesMonth11: 'November',
    datesMonth12: 'December',
  },
);
