import { featureStrings } from '../feature-strings';

/** The secretary edits the review's title (first the act's title from the import's header). */
export const reviewTitleStrings = featureStrings(
  {
    reviewTitleEdit: 'Изменить название',
    reviewTitleLabel: 'Название экспертизы',
    reviewTitleSave: 'Сохранить',
    reviewTitleCancel: 'Отмена',
    reviewTitleSaved: 'Название сохранено',
    reviewTitleEmpty: 'Название не может быть пустым.',
  },
  {
    reviewTitleEdit: 'Аталышын өзгөртүү',
    reviewTitleLabel: 'Экспертизанын аталышы',
    reviewTitleSave: 'Сактоо',
    reviewTitleCancel: 'Жокко чыгаруу',
    reviewTitleSaved: 'Аталышы сакталды',
    reviewTitleEmpty: 'Аталышы бош болбошу керек.',
  },
  {
    reviewTitleEdit: 'Rename',
    reviewTitleLabel: 'Title of the review',
    reviewTitleSave: 'Save',
    reviewTitleCancel: 'Cancel',
    reviewTitleSaved: 'Title saved',
    reviewTitleEmpty: 'The title cannot be empty.',
  },
);
