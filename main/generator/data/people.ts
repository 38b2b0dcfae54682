/** Given and family names for fictional users (mixed origins, some non-ASCII on purpose). */
export const GIVEN_NAMES = [
  'Alex', 'Amara', 'Anders', 'Aiko', 'Ben', 'Carla', 'Chen', 'Chloé', 'Daniel', 'Deepa', 'Diego', 'Elena', 'Emeka',
  'Fatima', 'Finn', 'Gabriel', 'Grace', 'Hannah', 'Hiro', 'Ines', 'Isaac', 'Jana', 'Javier', 'Jin', 'Julia', 'Kai',
  'Kavya', 'Lars', 'Laura', 'Liam', 'Lucía', 'Maya', 'Mateo', 'Mei', 'Mia', 'Nadia', 'Noah', 'Olivia', 'Omar',
  'Priya', 'Rafael', 'Rhea', 'Samuel', 'Sara', 'Sofia', 'Søren', 'Tariq', 'Thandiwe', 'Tom', 'Uma', 'Victor',
  'Wei', 'Yara', 'Yusuf', 'Zoë', 'Zhang', 'Björn', 'Camille', 'Dmitri', 'Esther', 'Felix', 'Hana', 'Ivan', 'Kofi',
];

export const FAMILY_NAMES = [
  'Adeyemi', 'Andersson', 'Baker', 'Becker', 'Brown', 'Castillo', 'Chen', 'Costa', 'Dubois', 'Fischer', 'García',
  'Gupta', 'Hansen', 'Hernández', 'Ito', 'Jensen', 'Johnson', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Li',
  'López', 'Martin', 'Mensah', 'Meyer', 'Müller', 'Nakamura', 'Nguyen', 'Novak', "O'Brien", 'Okafor', 'Olsen',
  'Patel', 'Petrov', 'Rossi', 'Santos', 'Schmidt', 'Silva', 'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Taylor',
  'Van der Berg', 'Wagner', 'Wang', 'Williams', 'Wilson', 'Yamamoto', 'Zhou', 'Åberg', 'Đặng',
];

/** ASCII mail nickname from a display name ("Zoë Müller" -> "zoe.muller", "O'Brien" -> "obrien"). */
export function mailNickname(given: string, family: string): string {
  const clean = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[Øø]/g, 'o')
      .replace(/[Đđ]/g, 'd')
      .replace(/[Åå]/g, 'a')
      .toLowerCase()
      .replace(/[^a-z]/g, '');
  return `${clean(given)}.${clean(family)}`;
}
