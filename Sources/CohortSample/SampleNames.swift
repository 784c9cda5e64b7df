/// Names for synthetic pupils, teachers and schools: a mix like an English primary's register.
enum SampleNames {
  static let girls = [
    "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Freya",
    "Willow", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna", "Daisy",
    "Phoebe", "Sofia", "Alice", "Harper", "Matilda", "Ruby", "Emilia", "Maya", "Amira", "Aisha", "Fatima",
    "Zara", "Maryam", "Hafsa", "Inaya", "Aaliyah", "Priya", "Anaya", "Simran", "Chloe", "Jessica", "Niamh",
    "Zofia", "Hanna", "Oliwia", "Adaeze", "Chioma", "Ama", "Nia", "Mei", "Lucia", "Bianca", "Ayla", "Esme",
  ]
  static let boys = [
    "Muhammad", "Noah", "Oliver", "George", "Leo", "Arthur", "Oscar", "Theodore", "Freddie", "Archie", "Henry",
    "Alfie", "Jack", "Charlie", "Finley", "Thomas", "Teddy", "Lucas", "Isaac", "Arlo", "Harry", "Jacob",
    "Edward", "Reuben", "Tommy", "Joshua", "Ethan", "Max", "Mason", "Samuel", "Yusuf", "Ibrahim", "Ali",
    "Omar", "Zayn", "Ayaan", "Rayan", "Arjun", "Aarav", "Kabir", "Dylan", "Callum", "Kai", "Jakub", "Filip",
    "Mateo", "Chidi", "Kwame", "Tobi", "Emeka", "Wei", "Luca", "Rory", "Cian", "Elijah", "Ezra", "Reggie",
  ]
  static let surnames = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Robinson",
    "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
    "Khan", "Hussain", "Ahmed", "Ali", "Begum", "Shah", "Akhtar", "Iqbal", "Singh", "Kaur", "Sharma", "Mistry",
    "Okafor", "Adeyemi", "Mensah", "Osei", "Okonkwo", "Nowak", "Kowalski", "Wiśniewska", "Murphy", "Kelly",
    "O'Brien", "Nguyen", "Chen", "Wong", "Rossi", "Silva", "Santos", "Hughes", "Edwards", "Turner", "Hill",
    "Moore", "Cooper", "Ward", "Morris", "King", "Baker", "Harrison", "Morgan", "Young", "Allen", "Scott",
    "Mitchell", "Campbell", "Anderson", "Bell", "Carter", "Cox", "Bailey", "Richardson", "Marshall", "Kaya",
  ]
  static let schools = [
    "Oakfield", "Riverside", "St Mary's C of E", "Hillcrest", "Meadowbank", "Brookside", "Ashgrove", "Fernhill",
    "Castle View", "Greenacres", "Highfield", "Kingsmead", "Larkrise", "Millbrook", "Northgate", "Orchard Lane",
    "Parkside", "Queensbury", "Rosewood", "Springfield", "Thornbury", "Upton", "Victoria Park", "Willowbrook",
    "St John's Catholic", "Beechwood", "Cedar Road", "Dale Street", "Elmhurst", "Foxhill",
  ]
  static let schoolSuffixes = [" Primary School", " Academy", " Primary Academy"]
  /// DfE ethnicity codes with rough national primary proportions.
  static let ethnicities: [(String, Double)] = [
    ("WBRI", 62), ("WOTH", 6), ("WIRI", 0.5), ("APKN", 5), ("AIND", 3.5), ("ABAN", 2), ("AOTH", 2),
    ("BAFR", 4), ("BCRB", 1.2), ("BOTH", 0.6), ("MWBC", 1.6), ("MWBA", 0.9), ("MWAS", 1.5), ("MOTH", 2.3),
    ("CHNE", 0.6), ("OOTH", 2), ("REFU", 2),
  ]
}
