import { featureStrings } from '../feature-strings';

/** Short forms that keep the header on one row (issue 17), and the outline's keyboard hint. */
export const layoutStrings = featureStrings(
  {
    layoutOfflineShort: 'Нет связи',
    layoutOfflineMore: 'изменения сохранятся и будут объединены',
    layoutOutlineKeys: 'Стрелки вверх и вниз — по структуре, Enter — перейти к тексту.',
  },
  {
    layoutOfflineShort: 'Байланыш жок',
    layoutOfflineMore: 'өзгөртүүлөр сакталып, кийин бириктирилет',
    layoutOutlineKeys: 'Өйдө жана ылдый жебелер — түзүлүш боюнча, Enter — текстке өтүү.',
  },
  {
    layoutOfflineShort: 'Offline',
    layoutOfflineMore: 'your changes are kept and will be merged',
    layoutOutlineKeys: 'Up and down arrows move through the outline, Enter goes to the text.',
  },
);
