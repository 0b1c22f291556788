/** The password policy for new and changed passwords (NIST SP 800-63B section 3.1.1.2): length over
 *  composition rules, at least 12 characters or a passphrase of four words, and a refusal of passwords
 *  that attackers try first. Answers a reason code the client translates; it never logs the password. */

export const MIN_LENGTH = 12;
export const MIN_PASSPHRASE_WORDS = 4;
export const MAX_LENGTH = 200;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsUsername';

/** The start of the most-used password lists (the UK NCSC's "100k most used passwords" from Have I Been
 *  Pwned, and SecLists' top lists), lengthened forms of them, and Vietnamese favourites. Compared after
 *  lowercasing and removing spaces; repeats, runs and keyboard rows are caught by pattern below. */
const COMMON = new Set(
  `123456789012 1234567890qwe 123456789abc 1q2w3e4r5t6y 1qaz2wsx3edc qwertyuiop12 qwerty123456 password1234 passw0rd1234
  password123456 iloveyou1234 iloveyouiloveyou princess1234 sunshine1234 football1234 baseball1234 superman1234
  trustno1trustno1 letmein12345 welcome12345 welcome123456 administrator admin1234567 admin12345678 changeme1234
  monkey123456 dragon123456 master123456 shadow123456 michael12345 jennifer1234 basketball12 starwars1234
  whatever1234 freedom12345 computer1234 qwertyqwerty asdfghjkl123 zaq12wsxcde3 1qazxsw23edc abcd12345678
  abc123456789 aa123456789a anhyeuem1234 anhyeuem123456 anhyeuemnhieu emyeuanh1234 emyeuanh123456 matkhau12345
  matkhau123456 matkhaucuatoi matkhaumoi123 vietnam12345 vietnam123456 vietnamvodich hanoi1234567 saigon123456
  pccc12345678 pccc123456789 cuuhoa123456 chuachay1234 cuuhocuunan pccccnch1234 canhsat12345 congan123456
  fireground12 fireground123 correcthorsebatterystaple passwordpassword`.split(/\s+/).filter((p) => p.length > 0),
);

/** Short favourites that people lengthen with digits or symbols (`iloveyou2025!`). */
const COMMON_STEMS = new Set(
  `password passw0rd iloveyou qwerty qwertyuiop admin administrator welcome letmein monkey dragon master shadow
  sunshine princess football baseball superman trustno1 whatever freedom computer starwars abc abcd abcdef
  matkhau anhyeuem emyeuanh yeuem vietnam hanoi saigon pccc cuuhoa chuachay canhsat congan fireground`.split(/\s+/).filter((p) => p.length > 0),
);

/** Keyboard rows and alphabets in order, forwards; a password inside one (or its reverse) is a walk. */
const RUNS = ['0123456789012345678901234567890', 'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p', 'qazwsxedcrfvtgbyhnujmikolp'];

function normalised(password: string): string {
  return password.normalize('NFC').toLowerCase().replace(/\s+/g, '');
}

/** A string made of one short unit repeated (`1111111111`, `abcabcabcabc`, `hahahahahaha`). */
function isRepetition(s: string): boolean {
  for (let unit = 1; unit <= Math.floor(s.length / 2); unit++) {
    if (s.length % unit === 0 && s.slice(0, unit).repeat(s.length / unit) === s) return true;
  }
  return false;
}

function isWalk(s: string): boolean {
  const reversed = [...s].reverse().join('');
  return RUNS.some((run) => run.includes(s) || run.includes(reversed));
}

function wordsOf(password: string): string[] {
  return password.trim().split(/\s+/).filter((w) => [...w].length >= 2);
}

/** The first problem with `password` for the account `username`, or null when it may be used. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const length = [...password].length;
  if (length > MAX_LENGTH) return 'tooLong';
  if (length < MIN_LENGTH && wordsOf(password).length < MIN_PASSPHRASE_WORDS) return 'tooShort';
  const flat = normalised(password);
  const name = normalised(username);
  if (name.length >= 3 && flat.includes(name)) return 'containsUsername';
  if (COMMON.has(flat) || isRepetition(flat) || isWalk(flat)) return 'common';
  // A common password with a few digits or a "!" stuck on is still the common password.
  const stem = flat.replace(/[\d!@#$.]+$/, '');
  if (stem !== flat && (COMMON.has(stem) || COMMON_STEMS.has(stem) || isRepetition(stem) || (stem.length >= 4 && isWalk(stem)))) return 'common';
  return null;
}

const EXPLAINED: Record<PasswordProblem, string> = {
  tooShort: `The password needs at least ${MIN_LENGTH} characters, or a passphrase of ${MIN_PASSPHRASE_WORDS} words.`,
  tooLong: `The password may have at most ${MAX_LENGTH} characters.`,
  common: 'That password is among the first ones attackers try. Choose another.',
  containsUsername: 'The password may not contain the username.',
};

export function explainPasswordProblem(problem: PasswordProblem): string {
  return EXPLAINED[problem];
}
