/**
 * The items of STRESS-DES, the reporting guideline for discrete-event simulation studies
 * (Monks T, Currie CSM, Onggo BS, Robinson S, Kunc M, Taylor SJE, "Strengthening the reporting
 * of empirical simulation studies: Introducing the STRESS guidelines", Journal of Simulation
 * 13(1), 2019, 55-67, doi:10.1080/17477778.2018.1442155): 20 items in six sections, item 2.5
 * (components) in five parts. The report's model description answers each, labelled with its
 * number, and a test checks that none is missing.
 *
 * @module
 */

/** One item: its number and its name as the guideline gives them. */
export interface StressItem {
  number: string;
  name: string;
}

/** The sections of STRESS-DES and their items, in the guideline's order. */
export const STRESS_DES: readonly { section: string; items: readonly StressItem[] }[] = [
  {
    section: '1. Objectives',
    items: [
      { number: '1.1', name: 'Purpose of the model' },
      { number: '1.2', name: 'Model outputs' },
      { number: '1.3', name: 'Experimentation aims' },
    ],
  },
  {
    section: '2. Logic',
    items: [
      { number: '2.1', name: 'Base model overview diagram' },
      { number: '2.2', name: 'Base model logic' },
      { number: '2.3', name: 'Scenario logic' },
      { number: '2.4', name: 'Algorithms' },
      { number: '2.5.1', name: 'Components: entities' },
      { number: '2.5.2', name: 'Components: activities' },
      { number: '2.5.3', name: 'Components: resources' },
      { number: '2.5.4', name: 'Components: queues' },
      { number: '2.5.5', name: 'Components: entry and exit points' },
    ],
  },
  {
    section: '3. Data',
    items: [
      { number: '3.1', name: 'Data sources' },
      { number: '3.2', name: 'Pre-processing' },
      { number: '3.3', name: 'Input parameters' },
      { number: '3.4', name: 'Assumptions' },
    ],
  },
  {
    section: '4. Experimentation',
    items: [
      { number: '4.1', name: 'Initialisation' },
      { number: '4.2', name: 'Run length' },
      { number: '4.3', name: 'Estimation approach' },
    ],
  },
  {
    section: '5. Implementation',
    items: [
      { number: '5.1', name: 'Software or programming language' },
      { number: '5.2', name: 'Random sampling' },
      { number: '5.3', name: 'Model execution' },
      { number: '5.4', name: 'System specification' },
    ],
  },
  { section: '6. Code access', items: [{ number: '6.1', name: 'Computer model sharing statement' }] },
];

/** Every item number, in order (1.1 ... 6.1, with 2.5.1-2.5.5). */
export const STRESS_DES_NUMBERS: readonly string[] = STRESS_DES.flatMap((s) => s.items.map((i) => i.number));
